package io.datatoken.support.security;

import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.organization.PlatformRole;
import java.util.Optional;
import java.util.Set;

/**
 * The authenticated caller of a request, in domain terms.
 *
 * @param subject      the identity provider's stable user id
 * @param username     the login name, for display and audit
 * @param organization the caller's organization; empty for platform operators without one
 * @param roles        the caller's platform roles (other realm roles are ignored)
 */
public record Caller(String subject, String username, Optional<OrganizationAlias> organization,
                     Set<PlatformRole> roles) {

    public boolean has(PlatformRole role) {
        return roles.contains(role);
    }
}
