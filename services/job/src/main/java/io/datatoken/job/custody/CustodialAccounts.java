package io.datatoken.job.custody;

import io.datatoken.chain.KeyVault;
import io.datatoken.domain.organization.ChainAddress;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.organization.OrganizationLedger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * The job service's account for an organization, made on first use: a new key, sealed and
 * committed first, then added to the organization on chain (by the asset service). A failed
 * addition is retried on the next use; the key is never lost once the chain may know it.
 */
@ApplicationScoped
public class CustodialAccounts {

    @Inject
    KeyVault vault;

    @Inject
    OrganizationLedger organizations;

    @Inject
    AccountRegistrar registrar;

    @Inject
    KeyReservations reservations;

    @PersistenceContext(unitName = "job")
    EntityManager entities;

    /** The organization's account here, acting for it on chain. */
    public ChainAddress actingFor(OrganizationAlias organization) {
        ChainAddress account = reservations.reserve(organization);
        if (!organizations.organizationOf(account).filter(organization::equals).isPresent()) {
            registrar.addAccount(organization, account);
        }
        return account;
    }

    /**
     * The private key of the organization's account here, opened to sign; never logged or kept.
     * Transactional because the orchestration signs on its own thread, where Liberty's entity manager
     * needs a transaction.
     */
    @Transactional
    public String privateKeyOf(OrganizationAlias organization) {
        CustodialAccount account = entities.find(CustodialAccount.class, organization.value());
        if (account == null) {
            throw new IllegalStateException("no account of " + organization + " here yet: call actingFor first");
        }
        return vault.open(organization.value(), account.encryptedKey());
    }
}
