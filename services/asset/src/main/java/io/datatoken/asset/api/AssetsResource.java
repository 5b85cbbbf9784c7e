package io.datatoken.asset.api;

import io.datatoken.asset.catalog.Catalog;
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

@Path("/v1/assets")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
public class AssetsResource {

    @Inject
    Caller caller;

    @Inject
    Catalog catalog;

    @GET
    @RolesAllowed({"data-provider", "compute-provider", "algorithm-provider"})
    @Operation(summary = "The assets of the caller's organization, newest first")
    @APIResponse(responseCode = "200", description = "the organization's assets (possibly none)")
    @APIResponse(responseCode = "401", description = "no valid token")
    @APIResponse(responseCode = "403", description = "not a provider, or no organization")
    public List<AssetSummary> mine() {
        return catalog.ownedBy(OrganizationRequired.of(caller)).stream()
                .map(e -> new AssetSummary(e.dt(), e.ownerOrganization(), e.kind(), e.title(), e.ddoCid(), e.registeredAt()))
                .toList();
    }
}
