package io.datatoken.domain.organization;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An organization as the {@link OrganizationLedger} records it: its roles, whether it is active
 * (not suspended) and the accounts that act for it, in the order they were added.
 */
public record LedgerOrganization(OrganizationAlias alias, Set<PlatformRole> roles, boolean active,
                                 List<ChainAddress> accounts) {

    public LedgerOrganization {
        Objects.requireNonNull(alias, "alias");
        roles = Set.copyOf(roles);
        accounts = List.copyOf(accounts);
    }
}
