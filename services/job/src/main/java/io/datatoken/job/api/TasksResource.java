package io.datatoken.job.api;

import io.datatoken.job.market.IdempotencyKey;
import io.datatoken.job.market.JobEntry;
import io.datatoken.job.market.Posted;
import io.datatoken.job.market.TaskBoard;
import io.datatoken.job.market.TaskEntry;
import io.datatoken.support.security.Caller;
import io.datatoken.support.security.OrganizationRequired;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import io.datatoken.domain.market.TaskId;
import io.datatoken.job.market.Market;
import io.datatoken.support.web.Params;
import io.datatoken.support.web.ProblemException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("/v1/tasks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
public class TasksResource {

    @Inject
    Caller caller;

    @Inject
    TaskBoard taskBoard;

    @Inject
    Market market;

    @Context
    UriInfo uri;

    @GET
    @RolesAllowed({"data-user", "algorithm-provider"})
    @Operation(summary = "The tasks posted by the caller's organization, newest first")
    @APIResponse(responseCode = "200", description = "the list (possibly empty)")
    @APIResponse(responseCode = "401", description = "no valid token")
    @APIResponse(responseCode = "403", description = "a role that may not read this, or no organization")
    public List<TaskSummary> list() {
        return taskBoard.postedBy(OrganizationRequired.of(caller)).stream()
                .map(TaskSummary::of)
                .toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("data-user")
    @Operation(summary = "Post a task on the chain's task market for the caller's organization")
    @APIResponse(responseCode = "201", description = "posted; submit jobs to its taskId")
    @APIResponse(responseCode = "200", description = "the task an earlier request with the same Idempotency-Key posted")
    @APIResponse(responseCode = "400", description = "the description is missing or longer than 200 characters, or a "
            + "malformed Idempotency-Key")
    @APIResponse(responseCode = "409", description = "idempotency-key-reused: the key posted a task with another description")
    public Response create(TaskRequest request, @Parameter(description = IDEMPOTENCY_KEY)
            @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey) {
        if (request == null) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "missing-body", "send {\"description\": \"…\"}");
        }
        Posted<TaskEntry> posted = market.createTask(OrganizationRequired.of(caller), request.description(),
                key(idempotencyKey));
        TaskSummary task = TaskSummary.of(posted.entry());
        return answer(posted, uri.getAbsolutePathBuilder().path(task.taskId()).build(), task);
    }

    @POST
    @Path("/{taskId}/jobs")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("algorithm-provider")
    @Operation(summary = "Submit the caller's algorithm asset as a job to an open task")
    @APIResponse(responseCode = "201", description = "submitted (state SUBMITTED)")
    @APIResponse(responseCode = "200", description = "the job an earlier request with the same Idempotency-Key submitted, "
            + "in its state now")
    @APIResponse(responseCode = "400", description = "a malformed task id, algorithm or Idempotency-Key")
    @APIResponse(responseCode = "409", description = "the task is closed or unknown, the algorithm is not the caller's, or "
            + "idempotency-key-reused: the key submitted another job")
    public Response submit(@PathParam("taskId") String taskId, JobRequest request,
                           @Parameter(description = IDEMPOTENCY_KEY) @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey) {
        if (request == null) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "missing-body", "send {\"algorithm\": \"0x…\"}");
        }
        TaskId task;
        try {
            task = TaskId.of(taskId);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "malformed-task-id", e.getMessage());
        }
        Posted<JobEntry> posted = market.submitJob(OrganizationRequired.of(caller), task,
                Params.dataTokenId("algorithm", request.algorithm()), key(idempotencyKey));
        JobView job = JobView.of(posted.entry());
        return answer(posted, uri.getBaseUriBuilder().path(JobsResource.class).path(job.jobId()).build(), job);
    }

    private static final String IDEMPOTENCY_KEY = "optional: any 1 to 255 visible ASCII characters, e.g. a fresh UUID. "
            + "Sent again with the same request (a retry after a timeout), it answers 200 with what the first request "
            + "posted instead of posting twice";

    private static Optional<IdempotencyKey> key(String header) {
        try {
            return IdempotencyKey.ofHeader(header);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "malformed-idempotency-key", e.getMessage());
        }
    }

    /** 201 with the new resource's location, or 200 (and the same location) for a replay. */
    private static Response answer(Posted<?> posted, java.net.URI location, Object view) {
        return (posted.replayed() ? Response.ok(view).location(location) : Response.created(location).entity(view)).build();
    }

    /** @param description what the task needs (at most 200 characters) */
    public record TaskRequest(String description) {
    }

    /** @param algorithm the algorithm asset (dt) to run for the task */
    public record JobRequest(String algorithm) {
    }
}
