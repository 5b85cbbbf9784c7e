package io.datatoken.domain.organization;

import java.util.Optional;
import java.util.Set;

/**
 * The tamper-evident register of participating organizations, their chain accounts and their
 * platform roles (on an EVM chain in production). Changes are made by the platform operator;
 * every refusal by the ledger surfaces as a {@link LedgerRefusal}, every failure to reach it
 * as a {@link LedgerUnavailable}.
 *
 * <p>An account belongs to at most one organization, for ever. A suspended organization keeps
 * its accounts and roles but holds no role until reinstated. {@link PlatformRole#ADMIN} is not
 * an organization role (the ledger's administrator is its operator account) and is refused with
 * an {@link IllegalArgumentException}, like an empty role set.
 */
public interface OrganizationLedger {

    /** Registers a new organization acting through {@code account} with the given roles. */
    void register(OrganizationAlias organization, ChainAddress account, Set<PlatformRole> roles);

    /** Lets one more account act for an already registered organization. */
    void addAccount(OrganizationAlias organization, ChainAddress account);

    /** Replaces the roles of a registered organization. */
    void changeRoles(OrganizationAlias organization, Set<PlatformRole> roles);

    /** Withdraws every role of the organization until it is reinstated. */
    void suspend(OrganizationAlias organization);

    /** Gives a suspended organization its roles back. */
    void reinstate(OrganizationAlias organization);

    /** The organization the account acts for, if any (suspended or not). */
    Optional<OrganizationAlias> organizationOf(ChainAddress account);

    /** The ledger's view of the organization, if it is registered. */
    Optional<LedgerOrganization> find(OrganizationAlias organization);

    /** True if the organization is registered and not suspended. */
    boolean isActive(OrganizationAlias organization);

    /** True if the account acts for an active organization that holds the role. */
    boolean hasRole(ChainAddress account, PlatformRole role);
}
