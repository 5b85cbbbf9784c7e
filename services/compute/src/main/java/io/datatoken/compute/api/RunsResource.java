package io.datatoken.compute.api;

import io.datatoken.compute.results.JobResult;
import io.datatoken.compute.results.Results;
import io.datatoken.compute.runs.OpRun;
import io.datatoken.compute.runs.RunBook;
import io.datatoken.domain.market.JobId;
import io.datatoken.domain.market.TaskMarketLedger;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.support.security.Caller;
import io.datatoken.support.security.OrganizationRequired;
import io.datatoken.support.web.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.json.JsonReader;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** What this node ran for a job, and, on the algorithm owner's node, the job's result. */
@Path("/v1")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
public class RunsResource {

    @Inject
    RunBook book;

    @Inject
    Results results;

    @Inject
    TaskMarketLedger market;

    @Inject
    Caller caller;

    @Inject
    @ConfigProperty(name = "datatoken.compute.organization")
    String nodeOrganization;

    @GET
    @Path("/runs")
    @PermitAll
    @Operation(summary = "The node's runs for a job: per asset and op, WAITING for inputs, RUNNING, SUCCEEDED (with the "
            + "result hash in the receipt) or FAILED with the reason. Open like the chain's receipts, so the job "
            + "service learns of a failed run without a credential travelling to an endpoint an asset owner chose")
    public List<RunView> runs(@QueryParam("job") String job) {
        if (job == null || job.isBlank()) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "missing-parameter", "query parameter 'job' is required");
        }
        return book.ofJob(JobId.of(job).value()).stream().map(RunView::of).toList();
    }

    @GET
    @Path("/results/{job}")
    @RolesAllowed({"algorithm-provider", "data-user"})
    @Operation(summary = "The job's result, for its owner only: Z reconstructed from every compute node's partial sum, "
            + "and the model trained on it when labels are bound to the algorithm asset")
    @APIResponse(responseCode = "200", description = "the result")
    @APIResponse(responseCode = "403", description = "the caller's organization does not own the job, or this node is "
            + "another organization's")
    @APIResponse(responseCode = "404", description = "no result yet (the partial sums have not all arrived)")
    public ResultView result(@PathParam("job") String job) {
        JobId id;
        try {
            id = JobId.of(job);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "malformed-job", e.getMessage());
        }
        OrganizationAlias organization = OrganizationRequired.of(caller);
        var owner = market.findJob(id).map(j -> j.owner()).orElseThrow(() -> new ProblemException(
                Response.Status.NOT_FOUND, "unknown-job", "no job " + id + " is on the task market"));
        if (!owner.equals(organization) || !organization.value().equals(nodeOrganization)) {
            throw new ProblemException(Response.Status.FORBIDDEN, "not-yours", "the result of job " + id + " goes to its "
                    + "owner '" + owner + "' only, on its own node");
        }
        JobResult result = results.of(id.value()).orElseThrow(() -> new ProblemException(Response.Status.NOT_FOUND,
                "no-result-yet", "job " + id + " has no result here yet: not every compute node's partial sum has "
                + "arrived (see GET /v1/runs?job= on the parties' nodes)"));
        return new ResultView(result.job(), result.algorithm(), result.parts(), parse(result.z()),
                result.model() == null ? null : parse(result.model()), result.createdAt());
    }

    private static JsonValue parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }

    public record RunView(String job, String dt, String op, String opName, String state, String resultHash, String detail,
                          OffsetDateTime startedAt, OffsetDateTime updatedAt) {
        static RunView of(OpRun r) {
            return new RunView(r.key().job(), r.key().dt(), r.key().op(), r.opName(), r.state().name(),
                    r.resultHash().orElse(null), r.detail(), r.startedAt(), r.updatedAt());
        }
    }

    public record ResultView(String job, String algorithm, int parts, JsonValue z,
                             JsonValue model, OffsetDateTime createdAt) {
    }
}
