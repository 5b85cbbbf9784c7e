package io.datatoken.tracer.refusals;

import io.datatoken.domain.organization.ChainAddress;
import io.datatoken.domain.organization.EndUser;
import io.datatoken.domain.organization.EndUserId;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.token.DataTokenId;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link ReportingRights} in memory: accounts of organizations, their end users' accounts, suspended
 * organizations, owners of DTs.
 */
public final class InMemoryReportingRights implements ReportingRights {

    private final Map<ChainAddress, OrganizationAlias> accounts = new ConcurrentHashMap<>();
    private final Map<ChainAddress, EndUser> endUsers = new ConcurrentHashMap<>();
    private final Set<OrganizationAlias> suspended = ConcurrentHashMap.newKeySet();
    private final Map<DataTokenId, Owner> owners = new ConcurrentHashMap<>();

    public InMemoryReportingRights account(ChainAddress account, OrganizationAlias organization) {
        accounts.put(account, organization);
        return this;
    }

    /** The organization registers an end user with that account, as the organization ledger's registerEndUser. */
    public InMemoryReportingRights endUser(ChainAddress account, OrganizationAlias organization, EndUserId id) {
        endUsers.put(account, new EndUser(organization, id, account));
        return this;
    }

    /** The organization removes the end user the account is: the account is no one's from then on. */
    public InMemoryReportingRights removeEndUser(ChainAddress account) {
        endUsers.remove(account);
        return this;
    }

    public InMemoryReportingRights owns(OrganizationAlias organization, DataTokenId dt) {
        owners.put(dt, Owner.organization(organization));
        return this;
    }

    /** The end user of the organization registered the DT as their own (decision 0020). */
    public InMemoryReportingRights owns(OrganizationAlias organization, EndUserId endUser, DataTokenId dt) {
        owners.put(dt, Owner.endUser(organization, endUser));
        return this;
    }

    public InMemoryReportingRights suspend(OrganizationAlias organization) {
        suspended.add(organization);
        return this;
    }

    @Override
    public Optional<OrganizationAlias> organizationOf(ChainAddress account) {
        return Optional.ofNullable(accounts.get(account));
    }

    @Override
    public Optional<EndUser> endUserOf(ChainAddress account) {
        return Optional.ofNullable(endUsers.get(account));
    }

    @Override
    public boolean isActive(OrganizationAlias organization) {
        return new HashSet<>(accounts.values()).contains(organization) && !suspended.contains(organization);
    }

    @Override
    public Optional<Owner> ownerOf(DataTokenId dt) {
        return Optional.ofNullable(owners.get(dt));
    }
}
