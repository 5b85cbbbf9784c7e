package io.datatoken.asset.registration;

import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.token.DataTokenLedger;

/**
 * The data token ledger as anyone reads it, and as one organization's own account signs it: the
 * chain checks the signer's organization, so the service never writes on an owner's behalf with
 * another account.
 */
public interface DataTokenLedgers {

    /** For reads; the signer it would use is the platform operator's. */
    DataTokenLedger reader();

    /**
     * The ledger signed by the organization's account.
     *
     * @throws io.datatoken.domain.organization.LedgerRefusal if the organization has no account here
     */
    DataTokenLedger signedBy(OrganizationAlias organization);
}
