package io.datatoken.support.security;

import io.datatoken.domain.organization.EndUserId;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.organization.PlatformRole;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The authenticated caller of a request, in domain terms.
 *
 * @param subject      the identity provider's stable user id
 * @param username     the login name, for display and audit
 * @param organization the organization the caller acts for; empty for platform operators without one
 *                     and for end users, who act only for themselves (so every organization-scoped
 *                     check refuses them by construction)
 * @param roles        the caller's platform roles (other realm roles are ignored)
 * @param endUser      the end user the caller is (role {@code end-user}, scenario S2), if one
 */
public record Caller(String subject, String username, Optional<OrganizationAlias> organization,
                     Set<PlatformRole> roles, Optional<EndUserOf> endUser) {

    public Caller {
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(endUser, "endUser");
        roles = Set.copyOf(roles);
    }

    /** A member of an organization, an operator or a regulator: no end user. */
    public Caller(String subject, String username, Optional<OrganizationAlias> organization, Set<PlatformRole> roles) {
        this(subject, username, organization, roles, Optional.empty());
    }

    public boolean has(PlatformRole role) {
        return roles.contains(role);
    }

    /** Whether the caller is the end user {@code id} of {@code organization}. */
    public boolean isEndUser(OrganizationAlias organization, EndUserId id) {
        return endUser.filter(u -> u.organization().equals(organization) && u.id().equals(id)).isPresent();
    }

    /** An end user as the identity provider vouches for them: their organization and their id in its registry. */
    public record EndUserOf(OrganizationAlias organization, EndUserId id) {

        public EndUserOf {
            Objects.requireNonNull(organization, "organization");
            Objects.requireNonNull(id, "id");
        }

        @Override
        public String toString() {
            return id + " of " + organization;
        }
    }
}
