package io.datatoken.asset.onboarding;

import io.datatoken.chain.ChainAccounts;
import io.datatoken.domain.organization.ChainAddress;
import io.datatoken.domain.organization.DirectoryMember;
import io.datatoken.domain.organization.LedgerOrganization;
import io.datatoken.domain.organization.LedgerRefusal;
import io.datatoken.domain.organization.NewMember;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.organization.OrganizationDirectory;
import io.datatoken.domain.organization.OrganizationLedger;
import io.datatoken.domain.organization.PlatformRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Onboards an organization: identity provider first (organization and first members), then its
 * chain account (key sealed in the vault, in this transaction), then the chain registration, which
 * is the commit point. If anything fails, the identity provider's part is removed again and the
 * transaction rolls the account back, so a retry starts from nothing.
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
    KeyVault vault;

    @PersistenceContext(unitName = "asset")
    EntityManager entities;

    @Transactional
    public Onboarded onboard(OrganizationAlias alias, String name, String domain, Set<PlatformRole> roles,
                             List<NewMember> members) {
        check(alias, roles, members);
        if (ledger.find(alias).isPresent() || entities.find(OrganizationAccount.class, alias.value()) != null) {
            throw new LedgerRefusal("OrganizationExists", "organization '" + alias + "' is onboarded already");
        }
        directory.createOrganization(alias, name, domain);
        try {
            List<DirectoryMember> created = new ArrayList<>();
            for (NewMember member : members) {
                created.add(directory.addMember(alias, member));
            }
            var account = ChainAccounts.generate();
            entities.persist(new OrganizationAccount(alias.value(), account.address().value(),
                    vault.seal(alias.value(), account.privateKey()), OffsetDateTime.now(ZoneOffset.UTC)));
            entities.flush();
            ledger.register(alias, account.address(), roles);
            return new Onboarded(alias, name, domain, roles, account.address(), created);
        } catch (RuntimeException e) {
            directory.deleteOrganization(alias);
            throw e;
        }
    }

    public Optional<LedgerOrganization> find(OrganizationAlias alias) {
        return ledger.find(alias);
    }

    private static void check(OrganizationAlias alias, Set<PlatformRole> roles, List<NewMember> members) {
        if (alias.value().length() > MAX_ALIAS_LENGTH) {
            throw new IllegalArgumentException("organization alias '" + alias + "' is longer than "
                    + MAX_ALIAS_LENGTH + " characters (the chain keeps aliases in 32 bytes)");
        }
        if (roles.isEmpty() || roles.contains(PlatformRole.ADMIN)) {
            throw new IllegalArgumentException("an organization needs at least one platform role, and never admin");
        }
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

    /** The outcome of an onboarding. */
    public record Onboarded(OrganizationAlias alias, String name, String domain, Set<PlatformRole> roles,
                            ChainAddress account, List<DirectoryMember> members) {
    }
}
