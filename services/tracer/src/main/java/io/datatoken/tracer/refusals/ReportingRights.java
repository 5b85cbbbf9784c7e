package io.datatoken.tracer.refusals;

import io.datatoken.domain.organization.ChainAddress;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.token.DataTokenId;
import java.util.Optional;

/**
 * What the chain says about who may report a DT's refusals: the organization an account acts for,
 * and the organization that owns a DT. Failures to reach the chain surface as
 * {@link io.datatoken.domain.organization.LedgerUnavailable}.
 */
public interface ReportingRights {

    /** The organization the account acts for, suspended or not. */
    Optional<OrganizationAlias> organizationOf(ChainAddress account);

    /** True if the organization is registered and not suspended. */
    boolean isActive(OrganizationAlias organization);

    /** The owner of the DT, if it is registered. */
    Optional<OrganizationAlias> ownerOf(DataTokenId dt);
}
