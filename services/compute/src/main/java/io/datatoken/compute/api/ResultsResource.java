package io.datatoken.compute.api;

import io.datatoken.compute.results.JobResult;
import io.datatoken.compute.results.Results;
import io.datatoken.domain.market.JobId;
import io.datatoken.domain.market.TaskMarketLedger;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.support.security.Caller;
import io.datatoken.support.security.OrganizationRequired;
import io.datatoken.support.web.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * A job's result kept on this node for its organization's users only: S1's Z and model for the job's
 * owner, PSI's intersection at the requester's node (its size at the responder's when the terms allow),
 * joint statistics at the algorithm owner's.
 */
@Path("/v1/results")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
public class ResultsResource {

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
    @Path("/{job}")
    @RolesAllowed({"algorithm-provider", "data-user", "data-provider"})
    @Operation(summary = "The job's result kept on this node, for its organization's users only: Z reconstructed from "
            + "every compute node's partial sum and the model trained on it (for the job's owner), a PSI intersection or "
            + "its size, joint statistics")
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
        if (!organization.value().equals(nodeOrganization)) {
            throw new ProblemException(Response.Status.FORBIDDEN, "not-yours", "this node keeps results for '"
                    + nodeOrganization + "' only; ask your own organization's node");
        }
        JobResult result = results.of(id.value()).orElseThrow(() -> new ProblemException(Response.Status.NOT_FOUND,
                "no-result-yet", "job " + id + " has no result for '" + nodeOrganization + "' here yet: the parties' "
                + "runs have not all delivered (see GET /v1/runs?job= on the parties' nodes)"));
        if (result.kind().equals(JobResult.SECURE_SUM) && !owner.equals(organization)) {
            throw new ProblemException(Response.Status.FORBIDDEN, "not-yours", "the result of job " + id + " goes to its "
                    + "owner '" + owner + "' only, on its own node");
        }
        return new ResultView(result.job(), result.kind(), result.algorithm(), result.parts(),
                result.z() == null ? null : parse(result.z()), result.model() == null ? null : parse(result.model()),
                result.outcome() == null ? null : parse(result.outcome()), result.createdAt());
    }

    private static JsonValue parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }

    /**
     * @param kind    secure-sum (S1: z and model), psi-intersection, psi-size, joint-statistics (outcome)
     * @param algorithm the asset whose run produced the result here (S1: the job's algorithm)
     */
    public record ResultView(String job, String kind, String algorithm, int parts, JsonValue z,
                             JsonValue model, JsonValue outcome, OffsetDateTime createdAt) {
    }
}
