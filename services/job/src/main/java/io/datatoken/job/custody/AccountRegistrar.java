package io.datatoken.job.custody;

import io.datatoken.domain.organization.ChainAddress;
import io.datatoken.domain.organization.OrganizationAlias;

/**
 * Who adds an account to an organization on chain: the asset service, the only holder of the
 * platform operator's key, asked with this service's own (service-account) identity.
 */
public interface AccountRegistrar {

    /**
     * @throws io.datatoken.domain.organization.LedgerRefusal if the organization is unknown or the account taken
     * @throws io.datatoken.domain.organization.LedgerUnavailable if the asset service cannot be reached
     */
    void addAccount(OrganizationAlias organization, ChainAddress account);
}
