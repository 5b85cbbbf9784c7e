package io.datatoken.compute.api;

import io.datatoken.compute.datasets.LocalDatasets;
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

@Path("/v1/datasets")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
public class DatasetsResource {

    @Inject
    Caller caller;

    @Inject
    LocalDatasets localDatasets;

    @GET
    @RolesAllowed({"data-provider", "compute-provider"})
    @Operation(summary = "The datasets this node has bound for the caller's organization, newest first")
    @APIResponse(responseCode = "200", description = "the list (possibly empty)")
    @APIResponse(responseCode = "401", description = "no valid token")
    @APIResponse(responseCode = "403", description = "a role that may not read this, or no organization")
    public List<DatasetSummary> list() {
        return localDatasets.boundFor(OrganizationRequired.of(caller)).stream()
                .map(e -> new DatasetSummary(e.dt(), e.ownerOrganization(), e.sourceKind(), e.boundAt()))
                .toList();
    }
}
