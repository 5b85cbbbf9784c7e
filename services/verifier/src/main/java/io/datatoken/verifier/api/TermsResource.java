package io.datatoken.verifier.api;

import io.datatoken.verifier.terms.TermsBook;
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

@Path("/v1/terms")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
public class TermsResource {

    @Inject
    Caller caller;

    @Inject
    TermsBook termsBook;

    @GET
    @RolesAllowed({"data-provider", "compute-provider"})
    @Operation(summary = "The terms published by the caller's organization, newest first")
    @APIResponse(responseCode = "200", description = "the list (possibly empty)")
    @APIResponse(responseCode = "401", description = "no valid token")
    @APIResponse(responseCode = "403", description = "a role that may not read this, or no organization")
    public List<TermsSummary> list() {
        return termsBook.publishedBy(OrganizationRequired.of(caller)).stream()
                .map(e -> new TermsSummary(e.id(), e.ownerOrganization(), e.dt(), e.version(), e.publishedAt()))
                .toList();
    }
}
