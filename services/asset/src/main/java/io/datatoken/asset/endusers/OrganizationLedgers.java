package io.datatoken.asset.endusers;

import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.organization.OrganizationLedger;

/**
 * The organization ledger as anyone reads it, and as one organization's own account signs it: the
 * chain lets only an account of the organization change its end users, so the service never
 * writes them with the operator's account.
 */
public interface OrganizationLedgers {

    /** For reads; the signer it would use is the platform operator's. */
    OrganizationLedger reader();

    /**
     * The ledger signed by the account the platform holds for the organization.
     *
     * @throws io.datatoken.domain.organization.LedgerRefusal if the organization has no account here
     */
    OrganizationLedger signedBy(OrganizationAlias organization);
}
