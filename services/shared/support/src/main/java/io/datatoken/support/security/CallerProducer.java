package io.datatoken.support.security;

import io.datatoken.support.web.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.organization.PlatformRole;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Produces the request's {@link Caller} from the verified MicroProfile JWT. The product is
 * dependent-scoped (a record cannot be proxied); inject it into request-scoped beans.
 */
@RequestScoped
public class CallerProducer {

    @Inject
    JsonWebToken token;

    @Produces
    Caller caller() {
        if (token == null || token.getRawToken() == null) {
            throw new ProblemException(Response.Status.UNAUTHORIZED, "unauthorized",
                    "a valid bearer token from the platform's identity provider is required");
        }
        try {
            String username = Optional.ofNullable(token.<String>getClaim("preferred_username")).orElse(token.getName());
            Optional<OrganizationAlias> organization = Claims.organization(token.getClaim(Claims.ORGANIZATION));
            Set<PlatformRole> roles = Claims.roles(token.getGroups());
            if (roles.contains(PlatformRole.END_USER)) {
                return new Caller(token.getSubject(), username, Optional.empty(), roles,
                        Optional.of(Claims.endUser(organization, username)));
            }
            return new Caller(token.getSubject(), username, organization, roles);
        } catch (Claims.AmbiguousOrganizationException | IllegalArgumentException e) {
            throw new ProblemException(Response.Status.FORBIDDEN, "organization-claim", e.getMessage());
        }
    }
}
