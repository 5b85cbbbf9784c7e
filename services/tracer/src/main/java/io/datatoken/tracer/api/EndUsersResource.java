package io.datatoken.tracer.api;

import io.datatoken.support.security.Caller;
import io.datatoken.support.web.ProblemException;
import io.datatoken.tracer.lineage.EndUserTokenQueries;
import io.datatoken.tracer.lineage.EndUserTokensView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * What an end user (scenario S2, decision 0020) finds of their own in the index: the DTs they
 * registered at their device. Each DT's usage and lineage are then theirs to read ({@link TraceAccess}).
 */
@Path("/v1/end-users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
public class EndUsersResource {

    @Inject
    Caller caller;

    @Inject
    EndUserTokenQueries tokens;

    @GET
    @Path("/me/tokens")
    @RolesAllowed("end-user")
    @Operation(summary = "The caller's own DTs, the newest registration first: each DT's kind, block and transaction "
            + "of its registration, and from its receipts how many jobs ran an op on it and when the last did. An end "
            + "user only: an organization's members list their organization's assets at the asset service")
    @APIResponse(responseCode = "200", description = "the caller's DTs (possibly none, e.g. before the index has "
            + "confirmed a registration)")
    @APIResponse(responseCode = "401", description = "no valid token")
    @APIResponse(responseCode = "403", description = "the caller is no end user (end-user-required)")
    public EndUserTokensView mine() {
        Caller.EndUserOf user = caller.endUser().orElseThrow(() -> new ProblemException(Response.Status.FORBIDDEN,
                "end-user-required", "'" + caller.username() + "' is no end user; an end user lists their own data "
                + "tokens here, an organization's member its organization's assets at /asset/api/v1/assets"));
        return new EndUserTokensView(user.organization().value(), user.id().value(),
                tokens.of(user.organization().value(), user.id().value()));
    }
}
