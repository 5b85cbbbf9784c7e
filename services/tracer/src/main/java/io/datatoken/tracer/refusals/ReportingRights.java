package io.datatoken.tracer.refusals;

import io.datatoken.domain.organization.ChainAddress;
import io.datatoken.domain.organization.EndUser;
import io.datatoken.domain.organization.EndUserId;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.token.DataTokenId;
import java.util.Objects;
import java.util.Optional;

/**
 * What the chain says about who may report a DT's refusals: the organization an account acts for,
 * the end user an account is (a device node's key), and who owns a DT. Failures to reach the chain
 * surface as {@link io.datatoken.domain.organization.LedgerUnavailable}.
 */
public interface ReportingRights {

    /** The organization the account acts for, suspended or not. */
    Optional<OrganizationAlias> organizationOf(ChainAddress account);

    /** The end user the account currently is, in whichever organization (none once removed). */
    Optional<EndUser> endUserOf(ChainAddress account);

    /** True if the organization is registered and not suspended. */
    boolean isActive(OrganizationAlias organization);

    /** Who owns the DT, if it is registered. */
    Optional<Owner> ownerOf(DataTokenId dt);

    /**
     * A DT's owner as the registry records it: always an organization, and for an end user's own token
     * (decision 0020) also that end user of it.
     */
    record Owner(OrganizationAlias organization, Optional<EndUserId> endUser) {

        public Owner {
            Objects.requireNonNull(organization, "organization");
            Objects.requireNonNull(endUser, "endUser");
        }

        /** A token the organization owns itself. */
        public static Owner organization(OrganizationAlias organization) {
            return new Owner(organization, Optional.empty());
        }

        /** A token of one of the organization's end users. */
        public static Owner endUser(OrganizationAlias organization, EndUserId endUser) {
            return new Owner(organization, Optional.of(endUser));
        }
    }
}
