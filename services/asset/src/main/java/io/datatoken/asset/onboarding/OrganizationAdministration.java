package io.datatoken.asset.onboarding;

import io.datatoken.domain.organization.ChainAddress;
import io.datatoken.domain.organization.LedgerOrganization;
import io.datatoken.domain.organization.LedgerRefusal;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.organization.OrganizationLedger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The admin's hold on onboarded organizations, on chain: more accounts (e.g. keys an organization
 * keeps on its own compute node), suspension while something is wrong, permanent removal. The
 * account the platform holds for the organization cannot be removed: without it the platform could
 * no longer act for the organization's members.
 */
@ApplicationScoped
public class OrganizationAdministration {

    @Inject
    OrganizationLedger ledger;

    @Inject
    OrganizationAccounts accounts;

    public LedgerOrganization addAccount(OrganizationAlias organization, ChainAddress account) {
        LedgerOrganization current = require(organization);
        if (!current.accounts().contains(account)) {
            ledger.addAccount(organization, account);
        }
        return require(organization);
    }

    public LedgerOrganization removeAccount(OrganizationAlias organization, ChainAddress account) {
        require(organization);
        if (accounts.addressOf(organization).filter(account::equals).isPresent()) {
            throw new LedgerRefusal("CustodialAccount", "account " + account + " is the one the platform signs with "
                    + "for '" + organization + "'; it stays while the organization is onboarded (remove the "
                    + "organization instead)");
        }
        ledger.removeAccount(organization, account);
        return require(organization);
    }

    public LedgerOrganization suspend(OrganizationAlias organization) {
        if (require(organization).active()) {
            ledger.suspend(organization);
        }
        return require(organization);
    }

    public LedgerOrganization reinstate(OrganizationAlias organization) {
        if (!require(organization).active()) {
            ledger.reinstate(organization);
        }
        return require(organization);
    }

    /** Removes the organization from the chain for good; its alias can never be registered again. */
    public void remove(OrganizationAlias organization) {
        require(organization);
        ledger.remove(organization);
    }

    public Optional<LedgerOrganization> find(OrganizationAlias organization) {
        return ledger.find(organization);
    }

    /** Every organization on chain, suspended ones included (removed ones are gone), by alias. */
    public List<LedgerOrganization> all() {
        return ledger.all().stream()
                .sorted(Comparator.comparing(organization -> organization.alias().value()))
                .toList();
    }

    /** The platform's own account for the organization, if it holds one. */
    public Optional<ChainAddress> custodialAccount(OrganizationAlias organization) {
        return accounts.addressOf(organization);
    }

    private LedgerOrganization require(OrganizationAlias organization) {
        return ledger.find(organization).orElseThrow(() -> new NotOnboarded(organization));
    }

    /** The chain has no such organization (never onboarded, or removed). */
    public static final class NotOnboarded extends RuntimeException {
        public NotOnboarded(OrganizationAlias organization) {
            super("no organization '" + organization + "' is onboarded");
        }
    }
}
