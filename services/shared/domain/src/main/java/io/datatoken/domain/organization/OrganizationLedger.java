package io.datatoken.domain.organization;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The tamper-evident register of participating organizations, their chain accounts, their
 * platform roles and the end users each organization keeps for itself (on an EVM chain in
 * production). Every refusal by the ledger surfaces as a {@link LedgerRefusal} named after the
 * rule, every failure to reach it as a {@link LedgerUnavailable}.
 *
 * <p>A ledger is used as one chain account. Organizations, accounts and roles are changed by the
 * platform operator (the ledger's administrator); end users by an account of their organization,
 * without the operator, while that organization is active.
 *
 * <p>An address is, at any time, at most one of: an account of one organization, or an end user
 * of one organization. A removed account is free to be used again; who an account acted for in
 * the past is in the ledger's history, not in its current state. A suspended organization keeps
 * its accounts, roles and end users but holds no role and cannot change its end users until
 * reinstated. A removed organization is gone for good: no accounts, no roles, no end users, and
 * its alias can never be registered again (refused with {@code RemovedOrganization}), so what it
 * owned cannot pass to a newcomer by reuse of the alias.
 *
 * <p>{@link PlatformRole#ADMIN} is not an organization role (the ledger's administrator is its
 * operator account) and is refused with an {@link IllegalArgumentException}, like an empty role set.
 */
public interface OrganizationLedger {

    /** Registers a new organization acting through {@code account} with the given roles. */
    void register(OrganizationAlias organization, ChainAddress account, Set<PlatformRole> roles);

    /** Lets one more account act for an already registered organization. */
    void addAccount(OrganizationAlias organization, ChainAddress account);

    /**
     * The account stops acting for the organization and may then be used again. The last
     * account of an organization is kept (refused with {@code LastAccount}): remove the
     * organization instead.
     */
    void removeAccount(OrganizationAlias organization, ChainAddress account);

    /** Replaces the roles of a registered organization. */
    void changeRoles(OrganizationAlias organization, Set<PlatformRole> roles);

    /** Withdraws every role of the organization until it is reinstated. */
    void suspend(OrganizationAlias organization);

    /** Gives a suspended organization its roles back. */
    void reinstate(OrganizationAlias organization);

    /**
     * Deregisters the organization for ever: its accounts are freed, its roles and end users
     * dropped, and its alias can never be registered again.
     */
    void remove(OrganizationAlias organization);

    /** The organization the account acts for, if any (suspended or not). */
    Optional<OrganizationAlias> organizationOf(ChainAddress account);

    /** The ledger's view of the organization, if it is registered (and not removed). */
    Optional<LedgerOrganization> find(OrganizationAlias organization);

    /**
     * Every registered organization, suspended ones included but not removed ones, in the order
     * they were registered.
     */
    List<LedgerOrganization> all();

    /** True if the organization is registered and not suspended. */
    boolean isActive(OrganizationAlias organization);

    /** True if the organization was removed: its alias can never be registered again. */
    boolean isRemoved(OrganizationAlias organization);

    /** True if the account acts for an active organization that holds the role. */
    boolean hasRole(ChainAddress account, PlatformRole role);

    // ---- end users, kept by the organization itself ---------------------------------------

    /**
     * Registers an end user of the organization this ledger's account acts for, which must be
     * active; the id must be new in that organization and the account neither an organization
     * account nor another end user.
     *
     * @return the end user as the ledger recorded it, with the organization it belongs to
     */
    EndUser registerEndUser(EndUserId id, ChainAddress account);

    /** Removes an end user of the organization this ledger's account acts for, which must be active. */
    void removeEndUser(EndUserId id);

    /** The end user the account is, in whichever organization. */
    Optional<EndUser> findEndUser(ChainAddress account);

    /** The organization's end user with that id. */
    Optional<EndUser> findEndUser(OrganizationAlias organization, EndUserId id);

    /** Every end user of the organization, in no particular order (none once it is removed). */
    List<EndUser> endUsersOf(OrganizationAlias organization);
}
