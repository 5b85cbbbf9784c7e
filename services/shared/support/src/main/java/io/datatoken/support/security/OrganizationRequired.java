package io.datatoken.support.security;

import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.support.web.ProblemException;
import jakarta.ws.rs.core.Response;

/** Resolves the acting organization of a caller, or refuses with a reason. */
public final class OrganizationRequired {

    private OrganizationRequired() {
    }

    public static OrganizationAlias of(Caller caller) {
        return caller.organization().orElseThrow(() -> new ProblemException(Response.Status.FORBIDDEN,
                "organization-required",
                "user '" + caller.username() + "' belongs to no organization; an administrator must add "
                        + "the account to one before it can act on organization data"));
    }
}
