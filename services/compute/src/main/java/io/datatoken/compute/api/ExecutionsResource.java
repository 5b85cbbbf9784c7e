package io.datatoken.compute.api;

import io.datatoken.compute.executions.ExecutionRecord;
import io.datatoken.compute.executions.Executions;
import io.datatoken.domain.market.ExecutionRequest;
import io.datatoken.domain.market.JobId;
import io.datatoken.domain.market.SignedExecutionRequest;
import io.datatoken.domain.op.OpHash;
import io.datatoken.support.web.Params;
import io.datatoken.support.web.Problem;
import io.datatoken.support.web.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Execution requests this node receives, and its audit trail of them. */
@Path("/v1/executions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
public class ExecutionsResource {

    @Inject
    Executions executions;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermitAll
    @Operation(summary = "Hand this node a signed execution request: it checks everything itself on chain (signer's "
            + "organization = job owner, job RUNNING, asset of this node's organization and part of the job, op usable "
            + "and the workflow's, fresh and unused) and accepts it, spending its nonce and starting the node's run of the op, "
            + "or refuses it with every reason; a valid request for a run already started spends its nonce and starts "
            + "nothing. No token is needed: the node trusts the request's signature and the chain, never the caller")
    @APIResponse(responseCode = "202", description = "accepted (its nonce is spent; the run started, or had started)")
    @APIResponse(responseCode = "409", description = "refused: the problem lists every reason; the refusal is in the audit trail")
    public Response receive(RequestView body) {
        if (body == null) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "missing-body",
                    "send the signed request: job, dt, op, nonce, expiresAt, signature");
        }
        SignedExecutionRequest signed;
        try {
            signed = new SignedExecutionRequest(new ExecutionRequest(JobId.of(body.job()), Params.dataTokenId("dt", body.dt()),
                    OpHash.of(body.op()), body.nonce(), Instant.parse(body.expiresAt())), body.signature());
        } catch (RuntimeException malformed) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "malformed-request", "the request is not a signed "
                    + "execution request: " + malformed.getMessage());
        }
        var decision = executions.receive(signed);
        if (decision.accepted()) {
            return Response.accepted(RecordView.of(decision.record())).build();
        }
        Problem problem = Problem.of(Response.Status.CONFLICT, "execution-refused", "this node refuses the request: "
                + String.join("; ", decision.refusals().stream().map(r -> r.reason().code() + " (" + r.detail() + ")")
                .toList())).at(uri.getRequestUri().getPath());
        return Response.status(Response.Status.CONFLICT).type(MediaType.valueOf(Problem.MEDIA_TYPE))
                .entity(new RefusedProblem(problem.type(), problem.title(), problem.status(), problem.detail(),
                        problem.instance(), decision.refusals().stream().map(r -> r.reason().code()).toList()))
                .build();
    }

    @GET
    @RolesAllowed({"admin", "regulator", "algorithm-provider", "data-provider", "compute-provider", "data-user"})
    @Operation(summary = "The node's audit trail for a job: every request received, accepted or refused with its reasons")
    public List<RecordView> trail(@QueryParam("job") String job) {
        if (job == null || job.isBlank()) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "missing-parameter", "query parameter 'job' is required");
        }
        return executions.trailOf(JobId.of(job).value()).stream().map(RecordView::of).toList();
    }

    /** A signed execution request as the job service hands it out. */
    public record RequestView(String job, String dt, String op, String nonce, String expiresAt, String signature) {
    }

    /** One request as the node recorded it. */
    public record RecordView(String id, String signer, String job, String dt, String op, String nonce,
                             OffsetDateTime expiresAt, OffsetDateTime receivedAt, String outcome, List<String> reasons) {

        static RecordView of(ExecutionRecord r) {
            return new RecordView(r.id().toString(), r.signer(), r.job(), r.dt(), r.op(), r.nonce(), r.expiresAt(),
                    r.receivedAt(), r.outcome(), r.reasons().isBlank() ? List.of() : Arrays.asList(r.reasons().split(" ")));
        }
    }

    /** RFC 9457 problem with the extension member {@code reasons}: every rule the request broke. */
    @JsonbPropertyOrder({"type", "title", "status", "detail", "instance", "reasons"})
    public record RefusedProblem(String type, String title, int status, String detail, String instance,
                                 List<String> reasons) {
    }
}
