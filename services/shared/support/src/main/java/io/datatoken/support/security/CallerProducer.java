package io.datatoken.support.security;

import io.datatoken.support.web.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
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
            return new Caller(token.getSubject(),
                    Optional.ofNullable(token.<String>getClaim("preferred_username")).orElse(token.getName()),
                    Claims.organization(token.getClaim(Claims.ORGANIZATION)),
                    Claims.roles(token.getGroups()));
        } catch (Claims.AmbiguousOrganizationException | IllegalArgumentException e) {
            throw new ProblemException(Response.Status.FORBIDDEN, "organization-claim", e.getMessage());
        }
    }
}
