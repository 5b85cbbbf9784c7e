package io.datatoken.job.market;

import io.datatoken.domain.market.TaskMarketLedger;
import io.datatoken.domain.organization.OrganizationAlias;

/** The chain's task market as anyone reads it, and as the job service's account for an organization signs it. */
public interface TaskMarkets {

    TaskMarketLedger reader();

    TaskMarketLedger signedBy(OrganizationAlias organization);
}
