package io.datatoken.asset.api;

import io.datatoken.asset.grants.OwnerDenial;
import io.datatoken.asset.grants.OwnerDenials;
import io.datatoken.domain.organization.PlatformRole;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** A child's owner denies a composition the use of its asset, saying why; the composer reads the reason. */
@Path("/v1/assets/{dt}/denials")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
public class DenialsResource {

    @Inject
    Caller caller;

    @Inject
    OwnerDenials denials;

    @PUT
    @Path("/{parent}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"data-provider", "compute-provider", "algorithm-provider"})
    @Operation(summary = "Deny a composition the use of this asset (owner only), with the reason its composer reads: "
            + "nothing goes on chain, automatic authorization passes it by, a later grant supersedes it")
    @APIResponse(responseCode = "200", description = "denied (a second denial replaces the reason)")
    @APIResponse(responseCode = "400", description = "no reason, a reason over 500 characters, or a parent that does not "
            + "compose this asset")
    @APIResponse(responseCode = "403", description = "the caller's organization does not own this asset")
    @APIResponse(responseCode = "404", description = "no such asset or parent")
    @APIResponse(responseCode = "409", description = "the composition is granted now: revoke the grant instead")
    public DenialView deny(@PathParam("dt") String dt, @PathParam("parent") String parent, DenialRequest request) {
        if (request == null) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "missing-body",
                    "send the reason as JSON, e.g. {\"reason\": \"our terms do not cover this purpose\"}");
        }
        return DenialView.of(denials.deny(OrganizationRequired.of(caller), Params.dataTokenId("dt", dt),
                Params.dataTokenId("parent", parent), request.reason()));
    }

    @DELETE
    @Path("/{parent}")
    @RolesAllowed({"data-provider", "compute-provider", "algorithm-provider"})
    @Operation(summary = "Withdraw the denial of a composition (owner only); the composition waits for the owner again")
    @APIResponse(responseCode = "204", description = "withdrawn")
    @APIResponse(responseCode = "404", description = "no denial of that composition (no-denial), or no such asset")
    public Response withdraw(@PathParam("dt") String dt, @PathParam("parent") String parent) {
        if (!denials.withdraw(OrganizationRequired.of(caller), Params.dataTokenId("dt", dt),
                Params.dataTokenId("parent", parent))) {
            throw noDenial(dt, parent);
        }
        return Response.noContent().build();
    }

    @GET
    @RolesAllowed({"data-provider", "compute-provider", "algorithm-provider"})
    @Operation(summary = "The owner's denials of compositions using this asset, newest first (owner only)")
    @APIResponse(responseCode = "403", description = "the caller's organization does not own this asset")
    public List<DenialView> list(@PathParam("dt") String dt) {
        return denials.of(OrganizationRequired.of(caller), Params.dataTokenId("dt", dt)).stream().map(DenialView::of)
                .toList();
    }

    @GET
    @Path("/{parent}")
    @RolesAllowed({"admin", "data-provider", "compute-provider", "algorithm-provider", "data-user", "regulator"})
    @Operation(summary = "Whether the asset's owner denied this composition, and why: for the asset's owner, the "
            + "composition's owner, a regulator or an admin")
    @APIResponse(responseCode = "200", description = "the denial")
    @APIResponse(responseCode = "403", description = "neither the asset nor the composition is the caller's organization's")
    @APIResponse(responseCode = "404", description = "no denial of that composition (no-denial)")
    public DenialView get(@PathParam("dt") String dt, @PathParam("parent") String parent) {
        DataTokenId child = Params.dataTokenId("dt", dt);
        DataTokenId composition = Params.dataTokenId("parent", parent);
        boolean overseer = caller.has(PlatformRole.REGULATOR) || caller.has(PlatformRole.ADMIN);
        if (!overseer && !caller.organization().map(org -> denials.concerns(org, child, composition)).orElse(false)) {
            throw new ProblemException(Response.Status.FORBIDDEN, "not-yours", "only the owners of " + child + " and of "
                    + composition + " read whether one denied the other");
        }
        return denials.of(child, composition).map(DenialView::of).orElseThrow(() -> noDenial(dt, parent));
    }

    private static ProblemException noDenial(String dt, String parent) {
        return new ProblemException(Response.Status.NOT_FOUND, "no-denial", "the owner of " + dt + " has not denied " + parent);
    }

    /** @param reason what the composer reads, 1 to 500 characters */
    public record DenialRequest(String reason) {
    }

    /** An owner's denial of one composition. */
    public record DenialView(String child, String parent, String reason, String deniedBy, OffsetDateTime deniedAt) {

        static DenialView of(OwnerDenial denial) {
            return new DenialView(denial.childDt(), denial.parentDt(), denial.reason(), denial.deniedBy(), denial.deniedAt());
        }
    }
}
