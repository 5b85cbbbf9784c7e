package io.datatoken.tracer.refusals;

import io.datatoken.domain.organization.ChainAddress;
import io.datatoken.domain.organization.EndUser;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.organization.OrganizationLedger;
import io.datatoken.domain.token.DataTokenId;
import io.datatoken.domain.token.DataTokenLedger;
import java.util.Objects;
import java.util.Optional;

/** {@link ReportingRights} read from the ledgers' current state. */
public final class LedgerReportingRights implements ReportingRights {

    private final OrganizationLedger organizations;
    private final DataTokenLedger tokens;

    public LedgerReportingRights(OrganizationLedger organizations, DataTokenLedger tokens) {
        this.organizations = Objects.requireNonNull(organizations, "organizations");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    @Override
    public Optional<OrganizationAlias> organizationOf(ChainAddress account) {
        return organizations.organizationOf(account);
    }

    @Override
    public Optional<EndUser> endUserOf(ChainAddress account) {
        return organizations.findEndUser(account);
    }

    @Override
    public boolean isActive(OrganizationAlias organization) {
        return organizations.isActive(organization);
    }

    @Override
    public Optional<Owner> ownerOf(DataTokenId dt) {
        return tokens.find(dt).map(token -> new Owner(token.owner(), token.endUser()));
    }
}
