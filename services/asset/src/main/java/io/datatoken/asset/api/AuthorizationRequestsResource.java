package io.datatoken.asset.api;

import io.datatoken.asset.grants.AutomaticAuthorizations;
import io.datatoken.support.security.Caller;
import io.datatoken.support.security.OrganizationRequired;
import io.datatoken.support.web.Params;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** A composition's owner asks its children for authorization. */
@Path("/v1/assets/{dt}/authorization-requests")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
public class AuthorizationRequestsResource {

    @Inject
    Caller caller;

    @Inject
    AutomaticAuthorizations automatic;

    @Inject
    JsonWebToken token;

    @POST
    @RolesAllowed({"data-provider", "compute-provider", "algorithm-provider"})
    @Operation(summary = "The composition's owner asks every child for authorization: children whose owners opted "
            + "in (and the composer's own) are verified and granted when their terms are met; the others wait for "
            + "their owners")
    @APIResponse(responseCode = "200", description = "one outcome per child: granted, already-granted, denied (with "
            + "the rules broken) or awaiting-owner")
    @APIResponse(responseCode = "403", description = "the caller's organization does not own the composition")
    @APIResponse(responseCode = "503", description = "the verifier cannot be reached; children not yet decided stay unauthorized")
    public List<OutcomeView> request(@PathParam("dt") String dt) {
        return automatic.request(OrganizationRequired.of(caller), Params.dataTokenId("dt", dt), token.getRawToken()).stream()
                .map(o -> new OutcomeView(o.child().value(), o.owner().value(),
                        o.status().name().toLowerCase(Locale.ROOT).replace('_', '-'), o.brokenRules(),
                        o.grant().map(g -> GrantView.of(g, true)).orElse(null)))
                .toList();
    }

    /** One child's outcome. */
    public record OutcomeView(String child, String owner, String status, List<String> brokenRules, GrantView grant) {
    }
}
