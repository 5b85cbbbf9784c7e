package io.datatoken.asset.onboarding;

import io.datatoken.chain.ChainAccounts;
import io.datatoken.chain.KeyVault;
import io.datatoken.domain.organization.ChainAddress;
import io.datatoken.domain.organization.LedgerRefusal;
import io.datatoken.domain.organization.OrganizationAlias;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The organizations' chain accounts, their keys sealed by the {@link KeyVault}. An account is
 * reserved (committed) before the chain ever hears of its address, so a key the chain knows is
 * never lost to a failed database commit; an unused reservation is simply reused by the retry.
 */
@ApplicationScoped
public class OrganizationAccounts {

    @Inject
    KeyVault vault;

    @PersistenceContext(unitName = "asset")
    EntityManager entities;

    /** The organization's account, created (with a new key) and committed if it has none yet. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public ChainAddress reserve(OrganizationAlias organization) {
        OrganizationAccount existing = entities.find(OrganizationAccount.class, organization.value());
        if (existing != null) {
            return ChainAddress.of(existing.address());
        }
        var account = ChainAccounts.generate();
        entities.persist(new OrganizationAccount(organization.value(), account.address().value(),
                vault.seal(organization.value(), account.privateKey()), OffsetDateTime.now(ZoneOffset.UTC)));
        return account.address();
    }

    /** Forgets a reservation the chain refused, so nothing of a refused onboarding stays. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(OrganizationAlias organization) {
        OrganizationAccount existing = entities.find(OrganizationAccount.class, organization.value());
        if (existing != null) {
            entities.remove(existing);
        }
    }

    public Optional<ChainAddress> addressOf(OrganizationAlias organization) {
        return Optional.ofNullable(entities.find(OrganizationAccount.class, organization.value()))
                .map(a -> ChainAddress.of(a.address()));
    }

    /**
     * The organization's private key, opened for signing one connection; never logged or kept.
     *
     * @throws LedgerRefusal if the platform holds no account for the organization
     */
    public String privateKeyOf(OrganizationAlias organization) {
        OrganizationAccount account = entities.find(OrganizationAccount.class, organization.value());
        if (account == null) {
            throw new LedgerRefusal("OrganizationNotOnboarded", "organization '" + organization
                    + "' has no chain account on this platform yet: an admin must onboard it first");
        }
        return vault.open(organization.value(), account.encryptedKey());
    }
}
