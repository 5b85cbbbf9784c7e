package io.datatoken.asset.endusers;

import io.datatoken.asset.onboarding.OrganizationAdministration;
import io.datatoken.domain.organization.ChainAddress;
import io.datatoken.domain.organization.EndUser;
import io.datatoken.domain.organization.EndUserId;
import io.datatoken.domain.organization.LedgerRefusal;
import io.datatoken.domain.organization.OrganizationAlias;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;

/**
 * An organization's end users as the chain holds them, registered and removed by the account the
 * platform keeps for the organization. Who may ask is the API's concern; the chain enforces the
 * rest (ids unique in the organization, an account at most one end user and never an organization
 * account, no change while suspended) and its refusals pass through as {@link LedgerRefusal}s.
 */
@ApplicationScoped
public class EndUserRegistry {

    @Inject
    OrganizationLedgers ledgers;

    /**
     * Every end user of the organization, by id.
     *
     * @throws OrganizationAdministration.NotOnboarded if the chain has no such organization
     */
    public List<EndUser> of(OrganizationAlias organization) {
        require(organization);
        return ledgers.reader().endUsersOf(organization).stream()
                .sorted(Comparator.comparing(user -> user.id().value()))
                .toList();
    }

    /**
     * Registers the end user; the very same end user registered already is a safe retry (after an
     * answer lost on the way), not a conflict.
     */
    public Registered register(OrganizationAlias organization, EndUserId id, ChainAddress account) {
        require(organization);
        EndUser wanted = new EndUser(organization, id, account);
        if (ledgers.reader().findEndUser(organization, id).filter(wanted::equals).isPresent()) {
            return new Registered(wanted, false);
        }
        return new Registered(ledgers.signedBy(organization).registerEndUser(id, account), true);
    }

    /** Removes the end user; its id and account are free again afterwards. */
    public void remove(OrganizationAlias organization, EndUserId id) {
        require(organization);
        if (ledgers.reader().findEndUser(organization, id).isEmpty()) {
            // Asked before signing, so the refusal costs no transaction.
            throw new LedgerRefusal("UnknownEndUser", "organization " + organization + " has no end user " + id);
        }
        ledgers.signedBy(organization).removeEndUser(id);
    }

    private void require(OrganizationAlias organization) {
        if (ledgers.reader().find(organization).isEmpty()) {
            throw new OrganizationAdministration.NotOnboarded(organization);
        }
    }

    /** @param created false if the chain held this very end user already */
    public record Registered(EndUser endUser, boolean created) {
    }
}
