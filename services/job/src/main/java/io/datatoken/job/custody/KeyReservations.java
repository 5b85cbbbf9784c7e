package io.datatoken.job.custody;

import io.datatoken.chain.ChainAccounts;
import io.datatoken.chain.KeyVault;
import io.datatoken.domain.organization.ChainAddress;
import io.datatoken.domain.organization.OrganizationAlias;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Makes (once) and commits an organization's key here, before anyone can tell the chain of it. */
@ApplicationScoped
public class KeyReservations {

    @Inject
    KeyVault vault;

    @PersistenceContext(unitName = "job")
    EntityManager entities;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public ChainAddress reserve(OrganizationAlias organization) {
        CustodialAccount existing = entities.find(CustodialAccount.class, organization.value());
        if (existing != null) {
            return ChainAddress.of(existing.address());
        }
        var account = ChainAccounts.generate();
        entities.persist(new CustodialAccount(organization.value(), account.address().value(),
                vault.seal(organization.value(), account.privateKey()), OffsetDateTime.now(ZoneOffset.UTC)));
        return account.address();
    }
}
