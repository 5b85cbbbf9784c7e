package io.datatoken.asset.api;

import io.datatoken.asset.grants.AutomaticAuthorizations;
import io.datatoken.domain.token.DataTokenId;
import io.datatoken.support.security.Caller;
import io.datatoken.support.security.OrganizationRequired;
import io.datatoken.support.web.Params;
import io.datatoken.support.web.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Owners opt their assets in (or out) of automatic authorization. */
@Path("/v1/assets/{dt}/auto-authorization")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
public class AutoAuthorizationResource {

    @Inject
    Caller caller;

    @Inject
    AutomaticAuthorizations automatic;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"data-provider", "compute-provider", "algorithm-provider"})
    @Operation(summary = "Opt this asset in (or out) of automatic authorization: compositions that meet its terms "
            + "are granted without the owner acting (owner only)")
    @APIResponse(responseCode = "403", description = "the caller's organization does not own the asset")
    public AutoAuthorizationView set(@PathParam("dt") String dt, AutoAuthorizationView request) {
        if (request == null) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "missing-body", "send {\"enabled\": true} or false");
        }
        DataTokenId id = Params.dataTokenId("dt", dt);
        return new AutoAuthorizationView(automatic.setEnabled(OrganizationRequired.of(caller), id, request.enabled()));
    }

    @GET
    @RolesAllowed({"admin", "data-provider", "compute-provider", "algorithm-provider", "data-user", "regulator"})
    @Operation(summary = "Whether the asset's owner authorizes compositions that meet its terms automatically")
    public AutoAuthorizationView get(@PathParam("dt") String dt) {
        return new AutoAuthorizationView(automatic.isEnabled(Params.dataTokenId("dt", dt)));
    }

    /** Whether automatic authorization is on. */
    public record AutoAuthorizationView(boolean enabled) {
    }
}
