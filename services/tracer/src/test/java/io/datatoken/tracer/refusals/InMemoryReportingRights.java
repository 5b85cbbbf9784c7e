package io.datatoken.tracer.refusals;

import io.datatoken.domain.organization.ChainAddress;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.token.DataTokenId;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** {@link ReportingRights} in memory: accounts of organizations, suspended organizations, owners of DTs. */
public final class InMemoryReportingRights implements ReportingRights {

    private final Map<ChainAddress, OrganizationAlias> accounts = new ConcurrentHashMap<>();
    private final Set<OrganizationAlias> suspended = ConcurrentHashMap.newKeySet();
    private final Map<DataTokenId, OrganizationAlias> owners = new ConcurrentHashMap<>();

    public InMemoryReportingRights account(ChainAddress account, OrganizationAlias organization) {
        accounts.put(account, organization);
        return this;
    }

    public InMemoryReportingRights owns(OrganizationAlias organization, DataTokenId dt) {
        owners.put(dt, organization);
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
    public boolean isActive(OrganizationAlias organization) {
        return new HashSet<>(accounts.values()).contains(organization) && !suspended.contains(organization);
    }

    @Override
    public Optional<OrganizationAlias> ownerOf(DataTokenId dt) {
        return Optional.ofNullable(owners.get(dt));
    }
}
