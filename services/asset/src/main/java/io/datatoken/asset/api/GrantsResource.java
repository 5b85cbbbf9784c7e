package io.datatoken.asset.api;

import io.datatoken.asset.grants.Authorizations;
import io.datatoken.asset.grants.OwnerDenials;
import io.datatoken.domain.token.DataTokenId;
import io.datatoken.support.security.Caller;
import io.datatoken.support.security.OrganizationRequired;
import io.datatoken.support.web.Params;
import io.datatoken.support.web.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** A child's owner authorizes the parents that compose it, on chain, by hand. */
@Path("/v1/assets/{dt}/grants")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
public class GrantsResource {

    @Inject
    Caller caller;

    @Inject
    Authorizations authorizations;

    @Inject
    OwnerDenials denials;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"data-provider", "compute-provider", "algorithm-provider"})
    @Operation(summary = "Authorize a parent that composes this asset (owner only): granted on chain, signed by the "
            + "owner's account; optional expiry. Repeating a live grant with the same expiry changes nothing.")
    @APIResponse(responseCode = "201", description = "granted on chain")
    @APIResponse(responseCode = "200", description = "already granted so; nothing new was written")
    @APIResponse(responseCode = "400", description = "the parent does not compose this asset, or the expiry is past")
    @APIResponse(responseCode = "403", description = "the caller's organization does not own this asset")
    @APIResponse(responseCode = "404", description = "no such asset or parent")
    public Response grant(@PathParam("dt") String dt, GrantRequest request) {
        if (request == null || request.parent() == null) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "missing-body",
                    "send the parent to authorize as JSON, e.g. {\"parent\": \"0x…\", \"expiresAt\": \"2027-01-01T00:00:00Z\"}");
        }
        var granted = authorizations.grant(OrganizationRequired.of(caller), Params.dataTokenId("dt", dt),
                Params.dataTokenId("parent", request.parent()), Params.instantOrNull("expires-at", request.expiresAt()));
        // the owner's grant supersedes an earlier denial of the same composition
        denials.clear(Params.dataTokenId("dt", dt), Params.dataTokenId("parent", request.parent()));
        GrantView view = GrantView.of(granted.record(), true);
        if (!granted.created()) {
            return Response.ok(view).build();
        }
        return Response.created(uri.getAbsolutePathBuilder().path(view.parent()).build()).entity(view).build();
    }

    @GET
    @RolesAllowed({"admin", "data-provider", "compute-provider", "algorithm-provider", "data-user", "regulator"})
    @Operation(summary = "The authorizations this asset's owner gave through the platform, newest first")
    public List<GrantView> list(@PathParam("dt") String dt) {
        return authorizations.grantsOf(Params.dataTokenId("dt", dt)).stream().map(r -> GrantView.of(r, null)).toList();
    }

    @DELETE
    @Path("/{parent}")
    @RolesAllowed({"data-provider", "compute-provider", "algorithm-provider"})
    @Operation(summary = "Revoke the live authorization of a parent (owner only): it and everything above it stop "
            + "being active")
    @APIResponse(responseCode = "200", description = "revoked on chain")
    @APIResponse(responseCode = "403", description = "the caller's organization does not own this asset")
    @APIResponse(responseCode = "409", description = "there is no live authorization to revoke")
    public GrantView revoke(@PathParam("dt") String dt, @PathParam("parent") String parent) {
        DataTokenId child = Params.dataTokenId("dt", dt);
        DataTokenId composition = Params.dataTokenId("parent", parent);
        return GrantView.of(authorizations.revoke(OrganizationRequired.of(caller), child, composition),
                authorizations.isLive(child, composition));
    }

    /** @param expiresAt ISO-8601 instant, or absent for until revoked */
    public record GrantRequest(String parent, String expiresAt) {
    }
}
