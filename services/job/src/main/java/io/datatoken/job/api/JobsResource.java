package io.datatoken.job.api;

import io.datatoken.domain.market.JobId;
import io.datatoken.domain.op.OpHash;
import io.datatoken.support.web.Params;
import io.datatoken.job.market.Market;
import io.datatoken.job.market.JobEntry;
import io.datatoken.job.market.TaskBoard;
import io.datatoken.job.orchestration.Dispatch;
import io.datatoken.job.orchestration.Orchestration;
import io.datatoken.support.security.Caller;
import io.datatoken.support.security.OrganizationRequired;
import io.datatoken.support.web.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Jobs: algorithm assets submitted to tasks, moved through their lifecycle on chain. */
@Path("/v1/jobs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
public class JobsResource {

    /** Long enough to reach a node, short enough that a leaked request soon means nothing. */
    static final Duration REQUEST_LIFETIME = Duration.ofMinutes(5);

    @Inject
    Caller caller;

    @Inject
    Market market;

    @Inject
    TaskBoard board;

    @Inject
    Orchestration orchestration;

    @GET
    @RolesAllowed({"algorithm-provider", "data-user"})
    @Operation(summary = "The jobs of the caller's organization, newest first")
    public List<JobView> mine() {
        return board.jobsOf(OrganizationRequired.of(caller)).stream().map(JobView::of).toList();
    }

    @GET
    @Path("/{jobId}")
    @RolesAllowed({"admin", "data-provider", "compute-provider", "algorithm-provider", "data-user", "regulator"})
    @Operation(summary = "A job as the chain has it now and, once it started, each party's execution: the asset, the "
            + "op its workflow sets, the owner's compute node, how the request to it stands and the party's receipt")
    @APIResponse(responseCode = "200", description = "the job; parties DISPATCHING, ACCEPTED, REFUSED, UNREACHABLE, "
            + "or DONE once their receipt is on chain")
    @APIResponse(responseCode = "404", description = "no such job on the task market")
    public JobView get(@PathParam("jobId") String jobId) {
        JobId id = id(jobId);
        JobEntry job = market.refresh(id);
        return orchestration.progress(id).map(progress -> JobView.of(job, progress)).orElseGet(() -> JobView.of(job));
    }

    @POST
    @Path("/{jobId}/authorization")
    @RolesAllowed("algorithm-provider")
    @Operation(summary = "Move the job to AUTHORIZED: the chain allows it only while every grant below its algorithm "
            + "is live and every owner active (GET /verifier/api/v1/compositions/{dt}/authorizations says what is missing)")
    @APIResponse(responseCode = "200", description = "authorized")
    @APIResponse(responseCode = "403", description = "the job is another organization's")
    @APIResponse(responseCode = "409", description = "not-all-authorized, or the job is not SUBMITTED")
    public JobView authorize(@PathParam("jobId") String jobId) {
        return JobView.of(market.markAuthorized(OrganizationRequired.of(caller), id(jobId)));
    }

    @POST
    @Path("/{jobId}/start")
    @RolesAllowed("algorithm-provider")
    @Operation(summary = "Start an authorized job: refused if any grant below it was revoked or expired meanwhile. "
            + "The job service then asks each party's compute node to run its op, and ends the job once every "
            + "party's receipt is on chain (SUCCEEDED), or when a party refuses, cannot be reached or is too late "
            + "(FAILED); GET /v1/jobs/{id} shows the parties")
    @APIResponse(responseCode = "200", description = "running; the parties are dispatched in the background")
    @APIResponse(responseCode = "400", description = "an unknown dispatch mode")
    @APIResponse(responseCode = "403", description = "the job is another organization's")
    @APIResponse(responseCode = "409", description = "not-all-authorized, or the job is not AUTHORIZED")
    public JobView start(@PathParam("jobId") String jobId, String body) {
        JobId id = id(jobId);
        Dispatch dispatch = StartRequest.dispatchOf(body);
        JobView started = JobView.of(market.start(OrganizationRequired.of(caller), id));
        orchestration.begin(id, dispatch);
        return started;
    }

    /**
     * @param dispatch {@code automatic} (default: the job service asks every party's node) or {@code manual}
     *                 (the owner takes signed requests from {@code /execution-requests} to the nodes itself)
     */
    public record StartRequest(String dispatch) {

        /** The mode a start's body asks for; no body (as most callers send) means automatic. */
        static Dispatch dispatchOf(String body) {
            if (body == null || body.isBlank()) {
                return Dispatch.AUTOMATIC;
            }
            StartRequest request;
            try (Jsonb json = JsonbBuilder.create()) {
                request = json.fromJson(body, StartRequest.class);
            } catch (Exception malformed) {
                throw new ProblemException(Response.Status.BAD_REQUEST, "malformed-request", "send no body, or "
                        + "{\"dispatch\": \"automatic\" | \"manual\"}");
            }
            if (request == null || request.dispatch() == null) {
                return Dispatch.AUTOMATIC;
            }
            try {
                return Dispatch.valueOf(request.dispatch().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ProblemException(Response.Status.BAD_REQUEST, "unknown-dispatch", "dispatch is 'automatic' "
                        + "(the job service asks every party's node) or 'manual' (you take the requests to the nodes), "
                        + "not '" + request.dispatch() + "'");
            }
        }
    }

    @POST
    @Path("/{jobId}/execution-requests")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("algorithm-provider")
    @Operation(summary = "A signed request (EIP-712: chain id, task market, single-use nonce, 5-minute expiry) asking "
            + "the node of the asset's owner to run the op for this job")
    @APIResponse(responseCode = "200", description = "the request and its signature, to hand to the party's compute node")
    @APIResponse(responseCode = "403", description = "the job is another organization's")
    public ExecutionRequestView executionRequest(@PathParam("jobId") String jobId, ExecutionRequestView.Ask ask) {
        if (ask == null) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "missing-body", "send {\"dt\": \"0x…\", \"op\": \"0x…\"}");
        }
        OpHash op;
        try {
            op = OpHash.of(ask.op());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "malformed-op", "op must be 0x followed by 64 hex digits");
        }
        return ExecutionRequestView.of(market.executionRequest(OrganizationRequired.of(caller), id(jobId),
                Params.dataTokenId("dt", ask.dt()), op, REQUEST_LIFETIME));
    }

    private static JobId id(String jobId) {
        try {
            return JobId.of(jobId);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "malformed-job-id", e.getMessage());
        }
    }
}
