package io.datatoken.job.api;

import io.datatoken.job.market.TaskBoard;
import io.datatoken.support.security.Caller;
import io.datatoken.support.security.OrganizationRequired;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
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

    @GET
    @RolesAllowed({"data-user", "algorithm-provider"})
    @Operation(summary = "The tasks posted by the caller's organization, newest first")
    @APIResponse(responseCode = "200", description = "the list (possibly empty)")
    @APIResponse(responseCode = "401", description = "no valid token")
    @APIResponse(responseCode = "403", description = "a role that may not read this, or no organization")
    public List<TaskSummary> list() {
        return taskBoard.postedBy(OrganizationRequired.of(caller)).stream()
                .map(e -> new TaskSummary(e.id(), e.initiatorOrganization(), e.title(), e.state(), e.createdAt()))
                .toList();
    }
}
