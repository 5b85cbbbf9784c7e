package io.datatoken.asset.onboarding;

import io.datatoken.domain.organization.ChainAddress;
import io.datatoken.domain.organization.DirectoryMember;
import io.datatoken.domain.organization.DirectoryOrganization;
import io.datatoken.domain.organization.LedgerOrganization;
import io.datatoken.domain.organization.LedgerRefusal;
import io.datatoken.domain.organization.NewMember;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.organization.OrganizationDirectory;
import io.datatoken.domain.organization.OrganizationLedger;
import io.datatoken.domain.organization.PlatformRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Onboards an organization: identity provider first (organization and first members), then its
 * chain account (key sealed and committed before the chain sees the address), then the chain
 * registration, which is the commit point. If anything fails, the identity provider's part is
 * removed again and a refused account reservation is released, so a retry starts from nothing.
 * Organizations that exist in the identity provider already (a realm imported with them) are
 * {@link #adopt adopted}: account and chain registration only.
 */
@ApplicationScoped
public class Onboarding {

    /** Aliases are stored on chain in 32 bytes. */
    public static final int MAX_ALIAS_LENGTH = 32;

    @Inject
    OrganizationDirectory directory;

    @Inject
    OrganizationLedger ledger;

    @Inject
    OrganizationAccounts accounts;

    public Onboarded onboard(OrganizationAlias alias, String name, String domain, Set<PlatformRole> roles,
                             List<NewMember> members) {
        check(alias, roles);
        checkMembers(roles, members);
        requireNotOnLedger(alias);
        directory.createOrganization(alias, name, domain);
        try {
            List<DirectoryMember> created = new ArrayList<>();
            for (NewMember member : members) {
                created.add(directory.addMember(alias, member));
            }
            ChainAddress account = registerOnLedger(alias, roles);
            return new Onboarded(alias, name, domain, roles, account, created, true);
        } catch (RuntimeException e) {
            directory.deleteOrganization(alias);
            throw e;
        }
    }

    /**
     * Gives an organization the identity provider already has (with its members) a chain account
     * and registers it on chain with {@code roles}.
     *
     * @throws UnknownOrganization if the identity provider has no such organization
     */
    public Onboarded adopt(OrganizationAlias alias, Set<PlatformRole> roles) {
        check(alias, roles);
        DirectoryOrganization known = directory.find(alias).orElseThrow(() -> new UnknownOrganization(alias));
        Optional<ChainAddress> reserved = accounts.addressOf(alias);
        Optional<LedgerOrganization> onLedger = ledger.find(alias);
        if (onLedger.isPresent() && reserved.isPresent() && onLedger.get().accounts().contains(reserved.get())
                && onLedger.get().roles().equals(roles)) {
            // The same registration again, or a retry after an outage hid that it landed.
            return new Onboarded(alias, known.name(), known.domain(), roles, reserved.get(), List.of(), false);
        }
        requireNotOnLedger(alias);
        ChainAddress account = registerOnLedger(alias, roles);
        return new Onboarded(alias, known.name(), known.domain(), roles, account, List.of(), true);
    }

    public Optional<LedgerOrganization> find(OrganizationAlias alias) {
        return ledger.find(alias);
    }

    private void requireNotOnLedger(OrganizationAlias alias) {
        if (ledger.find(alias).isPresent()) {
            throw new LedgerRefusal("OrganizationExists", "organization '" + alias + "' is onboarded already");
        }
    }

    private ChainAddress registerOnLedger(OrganizationAlias alias, Set<PlatformRole> roles) {
        ChainAddress account = accounts.reserve(alias);
        try {
            ledger.register(alias, account, roles);
        } catch (LedgerRefusal refused) {
            // Refused: the chain holds nothing for this account. (An outage is different: the
            // transaction may still land, so the reservation stays for the retry to reuse.)
            accounts.release(alias);
            throw refused;
        }
        return account;
    }

    private static void check(OrganizationAlias alias, Set<PlatformRole> roles) {
        if (alias.value().length() > MAX_ALIAS_LENGTH) {
            throw new IllegalArgumentException("organization alias '" + alias + "' is longer than "
                    + MAX_ALIAS_LENGTH + " characters (the chain keeps aliases in 32 bytes)");
        }
        if (roles.isEmpty() || roles.contains(PlatformRole.ADMIN) || roles.contains(PlatformRole.END_USER)) {
            throw new IllegalArgumentException("an organization needs at least one platform role, and never admin or "
                    + "end-user (an end user is a person the organization registers, not a role it holds)");
        }
    }

    private static void checkMembers(Set<PlatformRole> roles, List<NewMember> members) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("name at least one first member, who can then sign in for the organization");
        }
        for (NewMember member : members) {
            if (!roles.containsAll(member.roles())) {
                throw new IllegalArgumentException("member '" + member.username() + "' asks for roles " + member.roles()
                        + " beyond the organization's " + roles);
            }
        }
    }

    /** The outcome of an onboarding; {@code created} is false when a repeated call found it done. */
    public record Onboarded(OrganizationAlias alias, String name, String domain, Set<PlatformRole> roles,
                            ChainAddress account, List<DirectoryMember> members, boolean created) {
    }

    /** The identity provider has no organization of this alias. */
    public static final class UnknownOrganization extends RuntimeException {
        public UnknownOrganization(OrganizationAlias alias) {
            super("the identity provider has no organization '" + alias + "'; onboard it with its first members instead");
        }
    }
}
