package io.datatoken.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.net.URI;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.datatypes.Event;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;

import io.datatoken.contracts.generated.OrganizationRegistry;
import io.datatoken.domain.asset.AssetKind;
import io.datatoken.domain.organization.ChainAddress;
import io.datatoken.domain.organization.EndUser;
import io.datatoken.domain.organization.EndUserId;
import io.datatoken.domain.organization.LedgerOrganization;
import io.datatoken.domain.organization.LedgerRefusal;
import io.datatoken.domain.organization.LedgerUnavailable;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.organization.PlatformRole;
import io.datatoken.domain.token.DataToken;
import io.datatoken.domain.token.DataTokenId;

/**
 * The organization ledger against a real anvil chain: every contract function, every custom
 * error as a {@link LedgerRefusal}, and the events each change leaves. Each test deploys its
 * own registry, so tests share the chain but no state.
 */
class Web3jOrganizationLedgerIT {

    private static final OrganizationAlias BANK_A = OrganizationAlias.of("bank-a");
    private static final OrganizationAlias HOSPITAL_B = OrganizationAlias.of("hospital-b");
    /** Scenario S2's device vendor, keeping a registry of its users. */
    private static final OrganizationAlias VENDOR_A = OrganizationAlias.of("vendor-a");
    private static final EndUserId U1 = EndUserId.of("u1");
    private static final EndUserId U2 = EndUserId.of("u2");
    private static final EndUserId U3 = EndUserId.of("u3");
    private static final SecureRandom RANDOM = new SecureRandom();

    private static AnvilProcess anvil;
    private static ChainConnection admin;
    private static ChainConnection outsider;
    /** Two accounts of vendor-a and one of hospital-b, registered by the end-user tests. */
    private static ChainConnection vendor;
    private static ChainConnection vendor2;
    private static ChainConnection hospital;

    private Web3jOrganizationLedger ledger;

    @BeforeAll
    static void startChain() {
        anvil = AnvilProcess.start();
        admin = ChainConnection.open(anvil.settings(0));
        outsider = ChainConnection.open(anvil.settings(1));
        vendor = ChainConnection.open(anvil.settings(2));
        vendor2 = ChainConnection.open(anvil.settings(3));
        hospital = ChainConnection.open(anvil.settings(4));
    }

    @AfterAll
    static void stopChain() {
        for (ChainConnection connection : new ChainConnection[] {admin, outsider, vendor, vendor2, hospital}) {
            if (connection != null) {
                connection.close();
            }
        }
        if (anvil != null) {
            anvil.close();
        }
    }

    @BeforeEach
    void deployRegistry() {
        ledger = Web3jOrganizationLedger.deploy(admin);
    }

    // ---- deployment and connection --------------------------------------------------------

    @Test
    void deployer_becomes_admin_and_role_bits_match_the_domain() throws Exception {
        OrganizationRegistry contract = ledger.contract();

        assertThat(ChainAddress.of(contract.admin().send())).isEqualTo(admin.account());
        assertThat(ChainAddress.of(contract.pendingAdmin().send())).isEqualTo(zeroAddress());
        var transferred = decoded(OrganizationRegistry.ADMINTRANSFERRED_EVENT,
                OrganizationRegistry::getAdminTransferredEventFromLog);
        assertThat(transferred).singleElement().satisfies(e -> {
            assertThat(ChainAddress.of(e.previousAdmin)).isEqualTo(zeroAddress());
            assertThat(ChainAddress.of(e.newAdmin)).isEqualTo(admin.account());
        });
        assertThat(contract.DATA_PROVIDER().send().intValue()).isEqualTo(RoleBits.bit(PlatformRole.DATA_PROVIDER));
        assertThat(contract.COMPUTE_PROVIDER().send().intValue()).isEqualTo(RoleBits.bit(PlatformRole.COMPUTE_PROVIDER));
        assertThat(contract.ALGORITHM_PROVIDER().send().intValue()).isEqualTo(RoleBits.bit(PlatformRole.ALGORITHM_PROVIDER));
        assertThat(contract.DATA_USER().send().intValue()).isEqualTo(RoleBits.bit(PlatformRole.DATA_USER));
        assertThat(contract.REGULATOR().send().intValue()).isEqualTo(RoleBits.bit(PlatformRole.REGULATOR));
        assertThat(contract.ALL_ROLES().send().intValue()).isEqualTo(31);
    }

    @Test
    void connection_checks_the_chain_id() {
        admin.verifyChainId();

        try (ChainConnection wrongChain = ChainConnection.open(
                new ChainSettings(anvil.rpcUrl(), 1, () -> AnvilProcess.DEV_KEYS.get(0),
                        ChainSettings.DEFAULT_POLLING_INTERVAL, ChainSettings.DEFAULT_RECEIPT_TIMEOUT,
                        ChainSettings.DEFAULT_GAS_LIMIT, null))) {
            assertThatThrownBy(wrongChain::verifyChainId)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("serves chain 31337");
        }
    }

    // ---- register -------------------------------------------------------------------------

    @Test
    void registers_an_organization_with_its_account_and_roles() {
        ChainAddress account = randomAccount();

        ledger.register(BANK_A, account, Set.of(PlatformRole.DATA_PROVIDER, PlatformRole.DATA_USER));

        assertThat(ledger.find(BANK_A)).contains(new LedgerOrganization(BANK_A,
                Set.of(PlatformRole.DATA_PROVIDER, PlatformRole.DATA_USER), true, List.of(account)));
        assertThat(ledger.organizationOf(account)).contains(BANK_A);
        assertThat(ledger.isActive(BANK_A)).isTrue();
        assertThat(ledger.hasRole(account, PlatformRole.DATA_PROVIDER)).isTrue();
        assertThat(ledger.hasRole(account, PlatformRole.DATA_USER)).isTrue();
        assertThat(ledger.hasRole(account, PlatformRole.COMPUTE_PROVIDER)).isFalse();
        assertThat(ledger.hasRole(account, PlatformRole.REGULATOR)).isFalse();
        var registered = decoded(OrganizationRegistry.ORGANIZATIONREGISTERED_EVENT,
                OrganizationRegistry::getOrganizationRegisteredEventFromLog);
        assertThat(registered).singleElement().satisfies(e -> {
            assertThat(OrganizationIds.toAlias(e.orgId)).isEqualTo(BANK_A);
            assertThat(ChainAddress.of(e.account)).isEqualTo(account);
            assertThat(e.roles.intValue()).isEqualTo(1 | 8);
        });
    }

    @Test
    void lists_the_registered_organizations_in_registration_order_suspended_ones_included_removed_ones_not() {
        OrganizationAlias insurer = OrganizationAlias.of("insurer-d");
        ChainAddress bankAccount = randomAccount();
        assertThat(ledger.all()).isEmpty();
        ledger.register(HOSPITAL_B, randomAccount(), Set.of(PlatformRole.DATA_PROVIDER));
        ledger.register(BANK_A, bankAccount, Set.of(PlatformRole.DATA_USER));
        ledger.register(insurer, randomAccount(), Set.of(PlatformRole.REGULATOR));
        ledger.suspend(BANK_A);
        ledger.remove(HOSPITAL_B);

        assertThat(new Web3jOrganizationLedger(outsider, ledger.registryAddress()).all())
                .extracting(LedgerOrganization::alias).containsExactly(BANK_A, insurer);
        assertThat(ledger.all()).first().isEqualTo(
                new LedgerOrganization(BANK_A, Set.of(PlatformRole.DATA_USER), false, List.of(bankAccount)));
    }

    @Test
    void knows_nothing_about_unregistered_organizations_and_accounts() {
        ChainAddress stranger = randomAccount();

        assertThat(ledger.find(BANK_A)).isEmpty();
        assertThat(ledger.isActive(BANK_A)).isFalse();
        assertThat(ledger.organizationOf(stranger)).isEmpty();
        assertThat(ledger.hasRole(stranger, PlatformRole.DATA_USER)).isFalse();
    }

    @Test
    void refuses_a_second_registration_of_the_same_organization() {
        ledger.register(BANK_A, randomAccount(), Set.of(PlatformRole.DATA_PROVIDER));

        assertRefused(() -> ledger.register(BANK_A, randomAccount(), Set.of(PlatformRole.DATA_USER)),
                "OrganizationExists", "organization bank-a is already registered");
    }

    @Test
    void refuses_an_account_that_already_acts_for_an_organization() {
        ChainAddress account = randomAccount();
        ledger.register(BANK_A, account, Set.of(PlatformRole.DATA_PROVIDER));

        assertRefused(() -> ledger.register(HOSPITAL_B, account, Set.of(PlatformRole.DATA_USER)),
                "AccountTaken", account.value());
        assertThat(ledger.find(HOSPITAL_B)).isEmpty();
    }

    @Test
    void refuses_the_zero_address_as_an_account() {
        assertRefused(() -> ledger.register(BANK_A, zeroAddress(), Set.of(PlatformRole.DATA_PROVIDER)),
                "ZeroAddress", "zero address");
    }

    @Test
    void refuses_changes_from_anyone_but_the_admin() {
        Web3jOrganizationLedger foreign = new Web3jOrganizationLedger(outsider, ledger.registryAddress());
        ledger.register(BANK_A, randomAccount(), Set.of(PlatformRole.DATA_PROVIDER));
        String caller = outsider.account().value();

        assertRefused(() -> foreign.register(HOSPITAL_B, randomAccount(), Set.of(PlatformRole.DATA_USER)),
                "NotAdmin", caller);
        assertRefused(() -> foreign.addAccount(BANK_A, randomAccount()), "NotAdmin", caller);
        assertRefused(() -> foreign.changeRoles(BANK_A, Set.of(PlatformRole.REGULATOR)), "NotAdmin", caller);
        assertRefused(() -> foreign.suspend(BANK_A), "NotAdmin", caller);
        assertRefused(() -> foreign.reinstate(BANK_A), "NotAdmin", caller);
        assertRefused(() -> foreign.removeAccount(BANK_A, randomAccount()), "NotAdmin", caller);
        assertRefused(() -> foreign.remove(BANK_A), "NotAdmin", caller);
        assertRefused(() -> foreign.submit("transfer admin", foreign.contract().transferAdmin(caller)),
                "NotAdmin", caller);
        assertThat(ledger.find(HOSPITAL_B)).isEmpty();
        assertThat(ledger.isActive(BANK_A)).isTrue();
    }

    @Test
    void refuses_ids_and_role_sets_the_port_never_sends() {
        OrganizationRegistry contract = ledger.contract();
        String account = randomAccount().value();

        assertRefused(() -> ledger.submit("register", contract.registerOrganization(new byte[32], account,
                BigInteger.ONE)), "ZeroOrganizationId", "must not be empty");
        assertRefused(() -> ledger.submit("register", contract.registerOrganization(OrganizationIds.toId(BANK_A),
                account, BigInteger.ZERO)), "InvalidRoles", "role bits 0");
        assertRefused(() -> ledger.submit("register", contract.registerOrganization(OrganizationIds.toId(BANK_A),
                account, BigInteger.valueOf(32))), "InvalidRoles", "role bits 32");
        ledger.register(BANK_A, randomAccount(), Set.of(PlatformRole.DATA_USER));
        assertRefused(() -> ledger.submit("set roles", contract.setRoles(OrganizationIds.toId(BANK_A),
                BigInteger.valueOf(64))), "InvalidRoles", "role bits 64");
    }

    @Test
    void refused_changes_are_never_sent() throws Exception {
        ledger.register(BANK_A, randomAccount(), Set.of(PlatformRole.DATA_PROVIDER));
        BigInteger nonce = nonceOf(admin.account());

        assertThatThrownBy(() -> ledger.register(BANK_A, randomAccount(), Set.of(PlatformRole.DATA_USER)))
                .isInstanceOf(LedgerRefusal.class);

        assertThat(nonceOf(admin.account())).isEqualTo(nonce);
    }

    @Test
    void rejects_what_the_ledger_cannot_record_before_sending() {
        ChainAddress account = randomAccount();

        assertThatThrownBy(() -> ledger.register(BANK_A, account, Set.of(PlatformRole.ADMIN)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ADMIN");
        assertThatThrownBy(() -> ledger.register(BANK_A, account, Set.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one role");
        assertThatThrownBy(() -> ledger.register(OrganizationAlias.of("a".repeat(33)), account,
                Set.of(PlatformRole.DATA_USER)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 32");
        assertThatThrownBy(() -> ledger.hasRole(account, PlatformRole.ADMIN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ledger.organizationOf(account)).isEmpty();
    }

    @Test
    void records_aliases_of_exactly_32_characters() {
        OrganizationAlias longest = OrganizationAlias.of("a".repeat(31) + "z");
        ChainAddress account = randomAccount();

        ledger.register(longest, account, Set.of(PlatformRole.REGULATOR));

        assertThat(ledger.organizationOf(account)).contains(longest);
    }

    // ---- addAccount -----------------------------------------------------------------------

    @Test
    void adds_accounts_to_a_registered_organization() {
        ChainAddress first = randomAccount();
        ChainAddress second = randomAccount();
        ledger.register(BANK_A, first, Set.of(PlatformRole.COMPUTE_PROVIDER));

        ledger.addAccount(BANK_A, second);

        assertThat(ledger.find(BANK_A)).get().extracting(LedgerOrganization::accounts)
                .isEqualTo(List.of(first, second));
        assertThat(ledger.organizationOf(second)).contains(BANK_A);
        assertThat(ledger.hasRole(second, PlatformRole.COMPUTE_PROVIDER)).isTrue();
        var added = decoded(OrganizationRegistry.ACCOUNTADDED_EVENT, OrganizationRegistry::getAccountAddedEventFromLog);
        assertThat(added).singleElement().satisfies(e -> {
            assertThat(OrganizationIds.toAlias(e.orgId)).isEqualTo(BANK_A);
            assertThat(ChainAddress.of(e.account)).isEqualTo(second);
        });
    }

    @Test
    void refuses_accounts_for_unknown_organizations_and_taken_or_zero_accounts() {
        ChainAddress taken = randomAccount();
        ledger.register(BANK_A, taken, Set.of(PlatformRole.DATA_PROVIDER));
        ledger.register(HOSPITAL_B, randomAccount(), Set.of(PlatformRole.DATA_USER));

        assertRefused(() -> ledger.addAccount(OrganizationAlias.of("nobody"), randomAccount()),
                "UnknownOrganization", "organization nobody is not registered");
        assertRefused(() -> ledger.addAccount(HOSPITAL_B, taken), "AccountTaken", taken.value());
        assertRefused(() -> ledger.addAccount(BANK_A, taken), "AccountTaken", taken.value());
        assertRefused(() -> ledger.addAccount(BANK_A, zeroAddress()), "ZeroAddress", "zero address");
    }

    // ---- changeRoles ----------------------------------------------------------------------

    @Test
    void changes_the_roles_of_an_organization() {
        ChainAddress account = randomAccount();
        ledger.register(BANK_A, account, Set.of(PlatformRole.DATA_PROVIDER));

        ledger.changeRoles(BANK_A, Set.of(PlatformRole.ALGORITHM_PROVIDER, PlatformRole.REGULATOR));

        assertThat(ledger.find(BANK_A)).get().extracting(LedgerOrganization::roles)
                .isEqualTo(Set.of(PlatformRole.ALGORITHM_PROVIDER, PlatformRole.REGULATOR));
        assertThat(ledger.hasRole(account, PlatformRole.DATA_PROVIDER)).isFalse();
        assertThat(ledger.hasRole(account, PlatformRole.REGULATOR)).isTrue();
        var changed = decoded(OrganizationRegistry.ROLESCHANGED_EVENT, OrganizationRegistry::getRolesChangedEventFromLog);
        assertThat(changed).singleElement().satisfies(e -> {
            assertThat(OrganizationIds.toAlias(e.orgId)).isEqualTo(BANK_A);
            assertThat(e.previousRoles.intValue()).isEqualTo(1);
            assertThat(e.newRoles.intValue()).isEqualTo(4 | 16);
        });
    }

    @Test
    void refuses_roles_for_an_unknown_organization() {
        assertRefused(() -> ledger.changeRoles(BANK_A, Set.of(PlatformRole.DATA_USER)),
                "UnknownOrganization", "bank-a");
    }

    // ---- suspend / reinstate --------------------------------------------------------------

    @Test
    void a_suspended_organization_keeps_its_accounts_but_holds_no_role() {
        ChainAddress account = randomAccount();
        ledger.register(BANK_A, account, Set.of(PlatformRole.DATA_PROVIDER));

        ledger.suspend(BANK_A);

        assertThat(ledger.isActive(BANK_A)).isFalse();
        assertThat(ledger.hasRole(account, PlatformRole.DATA_PROVIDER)).isFalse();
        assertThat(ledger.organizationOf(account)).contains(BANK_A);
        assertThat(ledger.find(BANK_A)).contains(new LedgerOrganization(BANK_A,
                Set.of(PlatformRole.DATA_PROVIDER), false, List.of(account)));
        var suspended = decoded(OrganizationRegistry.ORGANIZATIONSUSPENDED_EVENT,
                OrganizationRegistry::getOrganizationSuspendedEventFromLog);
        assertThat(suspended).singleElement()
                .satisfies(e -> assertThat(OrganizationIds.toAlias(e.orgId)).isEqualTo(BANK_A));
    }

    @Test
    void reinstating_gives_the_roles_back() {
        ChainAddress account = randomAccount();
        ledger.register(BANK_A, account, Set.of(PlatformRole.DATA_PROVIDER));
        ledger.suspend(BANK_A);

        ledger.reinstate(BANK_A);

        assertThat(ledger.isActive(BANK_A)).isTrue();
        assertThat(ledger.hasRole(account, PlatformRole.DATA_PROVIDER)).isTrue();
        var reinstated = decoded(OrganizationRegistry.ORGANIZATIONREINSTATED_EVENT,
                OrganizationRegistry::getOrganizationReinstatedEventFromLog);
        assertThat(reinstated).singleElement()
                .satisfies(e -> assertThat(OrganizationIds.toAlias(e.orgId)).isEqualTo(BANK_A));
    }

    @Test
    void refuses_suspending_twice_reinstating_an_active_or_touching_an_unknown_organization() {
        ledger.register(BANK_A, randomAccount(), Set.of(PlatformRole.DATA_PROVIDER));

        assertRefused(() -> ledger.reinstate(BANK_A), "NotSuspended", "organization bank-a is not suspended");
        ledger.suspend(BANK_A);
        assertRefused(() -> ledger.suspend(BANK_A), "AlreadySuspended", "organization bank-a is already suspended");
        assertRefused(() -> ledger.suspend(HOSPITAL_B), "UnknownOrganization", "hospital-b");
        assertRefused(() -> ledger.reinstate(HOSPITAL_B), "UnknownOrganization", "hospital-b");
    }

    // ---- removeAccount --------------------------------------------------------------------

    @Test
    void a_removed_account_acts_for_nobody_and_the_others_keep_their_order() {
        ChainAddress first = randomAccount();
        ChainAddress second = randomAccount();
        ChainAddress third = randomAccount();
        ledger.register(BANK_A, first, Set.of(PlatformRole.DATA_PROVIDER));
        ledger.addAccount(BANK_A, second);
        ledger.addAccount(BANK_A, third);

        ledger.removeAccount(BANK_A, second);

        assertThat(ledger.find(BANK_A)).get().extracting(LedgerOrganization::accounts)
                .isEqualTo(List.of(first, third));
        assertThat(ledger.organizationOf(second)).isEmpty();
        assertThat(ledger.hasRole(second, PlatformRole.DATA_PROVIDER)).isFalse();
        assertThat(ledger.hasRole(first, PlatformRole.DATA_PROVIDER)).isTrue();
        var removed = decoded(OrganizationRegistry.ACCOUNTREMOVED_EVENT,
                OrganizationRegistry::getAccountRemovedEventFromLog);
        assertThat(removed).singleElement().satisfies(e -> {
            assertThat(OrganizationIds.toAlias(e.orgId)).isEqualTo(BANK_A);
            assertThat(ChainAddress.of(e.account)).isEqualTo(second);
        });
    }

    @Test
    void a_removed_account_is_free_to_act_for_another_organization() {
        ChainAddress moving = randomAccount();
        ledger.register(BANK_A, randomAccount(), Set.of(PlatformRole.DATA_PROVIDER));
        ledger.addAccount(BANK_A, moving);
        ledger.register(HOSPITAL_B, randomAccount(), Set.of(PlatformRole.DATA_USER));

        ledger.removeAccount(BANK_A, moving);
        ledger.addAccount(HOSPITAL_B, moving);

        assertThat(ledger.organizationOf(moving)).contains(HOSPITAL_B);
        assertThat(ledger.hasRole(moving, PlatformRole.DATA_USER)).isTrue();
        assertThat(ledger.hasRole(moving, PlatformRole.DATA_PROVIDER)).isFalse();
    }

    @Test
    void refuses_removing_the_last_account_or_one_that_does_not_act_for_the_organization() {
        ChainAddress only = randomAccount();
        ChainAddress hospitalAccount = randomAccount();
        ledger.register(BANK_A, only, Set.of(PlatformRole.DATA_PROVIDER));
        ledger.register(HOSPITAL_B, hospitalAccount, Set.of(PlatformRole.DATA_USER));
        ChainAddress stranger = randomAccount();

        assertRefused(() -> ledger.removeAccount(BANK_A, only), "LastAccount",
                "account " + only + " is the last account of organization bank-a");
        assertRefused(() -> ledger.removeAccount(BANK_A, hospitalAccount), "AccountNotOfOrganization",
                "account " + hospitalAccount + " does not act for organization bank-a");
        assertRefused(() -> ledger.removeAccount(BANK_A, stranger), "AccountNotOfOrganization", stranger.value());
        assertRefused(() -> ledger.removeAccount(BANK_A, zeroAddress()), "AccountNotOfOrganization",
                zeroAddress().value());
        assertRefused(() -> ledger.removeAccount(OrganizationAlias.of("nobody"), only), "UnknownOrganization",
                "organization nobody is not registered");
        assertThat(ledger.organizationOf(only)).contains(BANK_A);
        assertThat(ledger.organizationOf(hospitalAccount)).contains(HOSPITAL_B);
    }

    // ---- remove (organization) ------------------------------------------------------------

    @Test
    void removing_an_organization_frees_its_accounts_and_withdraws_everything() throws Exception {
        ChainAddress first = randomAccount();
        ChainAddress second = randomAccount();
        ledger.register(BANK_A, first, Set.of(PlatformRole.DATA_PROVIDER, PlatformRole.DATA_USER));
        ledger.addAccount(BANK_A, second);
        ledger.suspend(BANK_A);
        assertThat(ledger.isRemoved(BANK_A)).isFalse();

        ledger.remove(BANK_A);

        byte[] id = OrganizationIds.toId(BANK_A);
        assertThat(ledger.find(BANK_A)).isEmpty();
        assertThat(ledger.isActive(BANK_A)).isFalse();
        assertThat(ledger.isRemoved(BANK_A)).isTrue();
        assertThat(ledger.contract().isRegistered(id).send()).isFalse();
        assertThat(ledger.contract().rolesOf(id).send()).isZero();
        assertThat(ledger.contract().accountsOf(id).send()).isEmpty();
        for (ChainAddress account : List.of(first, second)) {
            assertThat(ledger.organizationOf(account)).isEmpty();
            assertThat(ledger.hasRole(account, PlatformRole.DATA_USER)).isFalse();
        }
        var accountsRemoved = decoded(OrganizationRegistry.ACCOUNTREMOVED_EVENT,
                OrganizationRegistry::getAccountRemovedEventFromLog);
        assertThat(accountsRemoved).extracting(e -> ChainAddress.of(e.account)).containsExactly(first, second);
        assertThat(accountsRemoved).allSatisfy(e -> assertThat(OrganizationIds.toAlias(e.orgId)).isEqualTo(BANK_A));
        var removed = decoded(OrganizationRegistry.ORGANIZATIONREMOVED_EVENT,
                OrganizationRegistry::getOrganizationRemovedEventFromLog);
        assertThat(removed).singleElement().satisfies(e -> {
            assertThat(OrganizationIds.toAlias(e.orgId)).isEqualTo(BANK_A);
            assertThat(e.log.getTransactionHash()).isEqualTo(accountsRemoved.get(0).log.getTransactionHash());
        });

        ledger.register(HOSPITAL_B, first, Set.of(PlatformRole.REGULATOR));
        assertThat(ledger.organizationOf(first)).contains(HOSPITAL_B);
    }

    @Test
    void a_removed_organization_id_is_never_registered_or_changed_again() {
        ledger.register(BANK_A, randomAccount(), Set.of(PlatformRole.DATA_PROVIDER));
        ledger.remove(BANK_A);
        String gone = "organization bank-a was removed";

        assertRefused(() -> ledger.register(BANK_A, randomAccount(), Set.of(PlatformRole.DATA_PROVIDER)),
                "RemovedOrganization", gone);
        assertRefused(() -> ledger.addAccount(BANK_A, randomAccount()), "RemovedOrganization", gone);
        assertRefused(() -> ledger.removeAccount(BANK_A, randomAccount()), "RemovedOrganization", gone);
        assertRefused(() -> ledger.changeRoles(BANK_A, Set.of(PlatformRole.DATA_USER)), "RemovedOrganization", gone);
        assertRefused(() -> ledger.suspend(BANK_A), "RemovedOrganization", gone);
        assertRefused(() -> ledger.reinstate(BANK_A), "RemovedOrganization", gone);
        assertRefused(() -> ledger.remove(BANK_A), "RemovedOrganization", gone);
        assertRefused(() -> ledger.remove(HOSPITAL_B), "UnknownOrganization", "organization hospital-b is not registered");
        assertThat(ledger.isRemoved(HOSPITAL_B)).isFalse();
    }

    @Test
    void the_tokens_of_a_removed_organization_can_never_be_changed_by_its_former_accounts() {
        Web3jDataTokenLedger registry = Web3jDataTokenLedger.deploy(admin, ledger.registryAddress());
        Web3jDataTokenLedger asVendor = new Web3jDataTokenLedger(vendor, registry.registryAddress());
        ledger.register(VENDOR_A, vendor.account(), Set.of(PlatformRole.DATA_PROVIDER));
        DataTokenId owned = DataTokenId.of(LedgerFixture.randomHex32());
        asVendor.register(owned, AssetKind.DATA, LedgerFixture.randomCid(), LedgerFixture.randomProof(), List.of());

        ledger.remove(VENDOR_A);

        String caller = vendor.account().value();
        assertRefused(() -> asVendor.register(DataTokenId.of(LedgerFixture.randomHex32()), AssetKind.DATA,
                LedgerFixture.randomCid(), LedgerFixture.randomProof(), List.of()), "NotProvider", caller);
        assertRefused(() -> asVendor.updateMetadata(owned, LedgerFixture.randomCid(), LedgerFixture.randomProof()),
                "NotOwner", caller);
        // The freed account joins another data provider: the removed one's token does not follow it.
        ledger.register(HOSPITAL_B, vendor.account(), Set.of(PlatformRole.DATA_PROVIDER));
        assertRefused(() -> asVendor.updateMetadata(owned, LedgerFixture.randomCid(), LedgerFixture.randomProof()),
                "NotOwner", caller);
        assertThat(registry.find(owned)).get().extracting(DataToken::owner).isEqualTo(VENDOR_A);
    }

    // ---- end users ------------------------------------------------------------------------

    @Test
    void an_organization_account_registers_its_end_users_without_the_admin() throws Exception {
        Web3jOrganizationLedger asVendor = vendorWithTwoAccounts();
        ChainAddress user = randomAccount();
        BigInteger adminNonce = nonceOf(admin.account());

        EndUser registered = asVendor.registerEndUser(U1, user);

        EndUser expected = new EndUser(VENDOR_A, U1, user);
        assertThat(registered).isEqualTo(expected);
        assertThat(nonceOf(admin.account())).as("the admin sent nothing").isEqualTo(adminNonce);
        assertThat(ledger.findEndUser(user)).contains(expected);
        assertThat(ledger.findEndUser(VENDOR_A, U1)).contains(expected);
        assertThat(ledger.endUsersOf(VENDOR_A)).containsExactly(expected);
        assertThat(ledger.contract().isEndUser(OrganizationIds.toId(VENDOR_A), user.value()).send()).isTrue();
        assertThat(ledger.organizationOf(user)).as("an end user does not act for the organization").isEmpty();
        var events = decoded(OrganizationRegistry.ENDUSERREGISTERED_EVENT,
                OrganizationRegistry::getEndUserRegisteredEventFromLog);
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(OrganizationIds.toAlias(e.orgId)).isEqualTo(VENDOR_A);
            assertThat(EndUserIds.toUserId(e.userId)).isEqualTo(U1);
            assertThat(ChainAddress.of(e.account)).isEqualTo(user);
            assertThat(ChainAddress.of(e.registeredBy)).isEqualTo(vendor.account());
        });
    }

    @Test
    void any_account_of_the_organization_removes_its_end_users() {
        Web3jOrganizationLedger asVendor = vendorWithTwoAccounts();
        Web3jOrganizationLedger asVendor2 = new Web3jOrganizationLedger(vendor2, ledger.registryAddress());
        ChainAddress user = randomAccount();
        ChainAddress kept = randomAccount();
        asVendor.registerEndUser(U1, user);
        asVendor2.registerEndUser(U2, kept);

        asVendor2.removeEndUser(U1);

        assertThat(ledger.findEndUser(user)).isEmpty();
        assertThat(ledger.findEndUser(VENDOR_A, U1)).isEmpty();
        assertThat(ledger.endUsersOf(VENDOR_A)).containsExactly(new EndUser(VENDOR_A, U2, kept));
        var events = decoded(OrganizationRegistry.ENDUSERREMOVED_EVENT,
                OrganizationRegistry::getEndUserRemovedEventFromLog);
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(OrganizationIds.toAlias(e.orgId)).isEqualTo(VENDOR_A);
            assertThat(EndUserIds.toUserId(e.userId)).isEqualTo(U1);
            assertThat(ChainAddress.of(e.account)).isEqualTo(user);
            assertThat(ChainAddress.of(e.removedBy)).isEqualTo(vendor2.account());
        });
        // The id and the address are free again.
        asVendor.registerEndUser(U1, user);
        assertThat(ledger.findEndUser(VENDOR_A, U1)).contains(new EndUser(VENDOR_A, U1, user));
    }

    @Test
    void end_users_are_listed_page_by_page_in_no_particular_order() throws Exception {
        Web3jOrganizationLedger asVendor = vendorWithTwoAccounts();
        ChainAddress a1 = randomAccount();
        ChainAddress a2 = randomAccount();
        ChainAddress a3 = randomAccount();
        asVendor.registerEndUser(U1, a1);
        asVendor.registerEndUser(U2, a2);
        asVendor.registerEndUser(U3, a3);

        asVendor.removeEndUser(U1);

        byte[] id = OrganizationIds.toId(VENDOR_A);
        OrganizationRegistry contract = ledger.contract();
        assertThat(contract.endUserCount(id).send()).isEqualTo(BigInteger.TWO);
        var firstPage = contract.endUsersOf(id, BigInteger.ZERO, BigInteger.ONE).send();
        var secondPage = contract.endUsersOf(id, BigInteger.ONE, BigInteger.TEN).send();
        var beyond = contract.endUsersOf(id, BigInteger.TWO, BigInteger.TEN).send();
        assertThat(firstPage.component1()).hasSize(1);
        assertThat(secondPage.component1()).hasSize(1);
        assertThat(beyond.component1()).isEmpty();
        assertThat(beyond.component2()).isEmpty();
        assertThat(List.of(EndUserIds.toUserId(firstPage.component1().get(0)),
                EndUserIds.toUserId(secondPage.component1().get(0)))).containsExactlyInAnyOrder(U2, U3);
        assertThat(ledger.endUsersOf(VENDOR_A)).containsExactlyInAnyOrder(
                new EndUser(VENDOR_A, U2, a2), new EndUser(VENDOR_A, U3, a3));
        assertThat(ledger.endUsersOf(VENDOR_A, 1)).containsExactlyInAnyOrder(
                new EndUser(VENDOR_A, U2, a2), new EndUser(VENDOR_A, U3, a3));
        assertThat(ledger.endUsersOf(HOSPITAL_B)).isEmpty();
    }

    @Test
    void refuses_end_user_changes_from_accounts_of_no_organization() {
        vendorWithTwoAccounts();
        Web3jOrganizationLedger asOutsider = new Web3jOrganizationLedger(outsider, ledger.registryAddress());

        assertRefused(() -> asOutsider.registerEndUser(U1, randomAccount()), "NotOrganizationAccount",
                "account " + outsider.account() + " does not act for any organization");
        assertRefused(() -> asOutsider.removeEndUser(U1), "NotOrganizationAccount", outsider.account().value());
        assertRefused(() -> ledger.registerEndUser(U1, randomAccount()), "NotOrganizationAccount",
                admin.account().value());
    }

    @Test
    void a_suspended_organization_cannot_change_its_end_users_but_keeps_them() {
        Web3jOrganizationLedger asVendor = vendorWithTwoAccounts();
        ChainAddress user = randomAccount();
        asVendor.registerEndUser(U1, user);
        ledger.suspend(VENDOR_A);

        assertRefused(() -> asVendor.registerEndUser(U2, randomAccount()), "OrganizationInactive",
                "organization vendor-a is suspended");
        assertRefused(() -> asVendor.removeEndUser(U1), "OrganizationInactive", "vendor-a");
        assertThat(ledger.findEndUser(user)).contains(new EndUser(VENDOR_A, U1, user));

        ledger.reinstate(VENDOR_A);
        asVendor.removeEndUser(U1);
        assertThat(ledger.findEndUser(user)).isEmpty();
    }

    @Test
    void refuses_duplicate_ids_taken_addresses_and_empty_values() {
        Web3jOrganizationLedger asVendor = vendorWithTwoAccounts();
        ChainAddress user = randomAccount();
        asVendor.registerEndUser(U1, user);
        byte[] u2 = EndUserIds.toId(U2);

        assertRefused(() -> asVendor.registerEndUser(U1, randomAccount()), "EndUserExists",
                "organization vendor-a already has an end user u1");
        assertRefused(() -> asVendor.registerEndUser(U2, user), "AccountIsEndUser",
                "account " + user + " is an end user of organization vendor-a");
        assertRefused(() -> asVendor.registerEndUser(U2, vendor2.account()), "AccountTaken",
                vendor2.account().value());
        assertRefused(() -> asVendor.registerEndUser(U2, zeroAddress()), "ZeroAddress", "zero address");
        assertRefused(() -> asVendor.submit("register end user", asVendor.contract().registerEndUser(new byte[32],
                randomAccount().value())), "ZeroUserId", "must not be empty");
        assertRefused(() -> asVendor.removeEndUser(U2), "UnknownEndUser", "organization vendor-a has no end user u2");
        assertRefused(() -> asVendor.submit("remove end user", asVendor.contract().removeEndUser(u2)),
                "UnknownEndUser", "u2");
    }

    @Test
    void another_organization_can_neither_remove_nor_take_the_end_users_of_one() throws Exception {
        Web3jOrganizationLedger asVendor = vendorWithTwoAccounts();
        ledger.register(HOSPITAL_B, hospital.account(), Set.of(PlatformRole.DATA_USER));
        Web3jOrganizationLedger asHospital = new Web3jOrganizationLedger(hospital, ledger.registryAddress());
        ChainAddress user = randomAccount();
        asVendor.registerEndUser(U1, user);

        assertRefused(() -> asHospital.removeEndUser(U1), "UnknownEndUser",
                "organization hospital-b has no end user u1");
        assertRefused(() -> asHospital.registerEndUser(U2, user), "AccountIsEndUser",
                "account " + user + " is an end user of organization vendor-a");
        assertThat(ledger.findEndUser(user)).contains(new EndUser(VENDOR_A, U1, user));

        // User ids are unique per organization only.
        ChainAddress patient = randomAccount();
        assertThat(asHospital.registerEndUser(U1, patient)).isEqualTo(new EndUser(HOSPITAL_B, U1, patient));
        assertThat(ledger.findEndUser(VENDOR_A, U1)).contains(new EndUser(VENDOR_A, U1, user));
        assertThat(ledger.contract().isEndUser(OrganizationIds.toId(HOSPITAL_B), user.value()).send()).isFalse();
    }

    @Test
    void an_end_user_cannot_become_an_organization_account() {
        Web3jOrganizationLedger asVendor = vendorWithTwoAccounts();
        ChainAddress user = randomAccount();
        asVendor.registerEndUser(U1, user);
        String reason = "account " + user + " is an end user of organization vendor-a";

        assertRefused(() -> ledger.register(HOSPITAL_B, user, Set.of(PlatformRole.DATA_USER)), "AccountIsEndUser",
                reason);
        assertRefused(() -> ledger.addAccount(VENDOR_A, user), "AccountIsEndUser", reason);

        asVendor.removeEndUser(U1);
        ledger.addAccount(VENDOR_A, user);
        assertThat(ledger.organizationOf(user)).contains(VENDOR_A);
    }

    @Test
    void removing_an_organization_drops_its_end_users_and_frees_their_addresses() throws Exception {
        Web3jOrganizationLedger asVendor = vendorWithTwoAccounts();
        ChainAddress user = randomAccount();
        ChainAddress other = randomAccount();
        asVendor.registerEndUser(U1, user);
        asVendor.registerEndUser(U2, other);

        ledger.remove(VENDOR_A);

        byte[] id = OrganizationIds.toId(VENDOR_A);
        assertThat(ledger.findEndUser(user)).isEmpty();
        assertThat(ledger.findEndUser(VENDOR_A, U1)).isEmpty();
        assertThat(ledger.endUsersOf(VENDOR_A)).isEmpty();
        assertThat(ledger.contract().endUserCount(id).send()).isZero();
        assertThat(ledger.contract().isEndUser(id, user.value()).send()).isFalse();
        assertRefused(() -> asVendor.registerEndUser(U3, randomAccount()), "NotOrganizationAccount",
                vendor.account().value());
        assertRefused(() -> asVendor.removeEndUser(U1), "NotOrganizationAccount", vendor.account().value());

        ledger.register(HOSPITAL_B, hospital.account(), Set.of(PlatformRole.DATA_USER));
        Web3jOrganizationLedger asHospital = new Web3jOrganizationLedger(hospital, ledger.registryAddress());
        assertThat(asHospital.registerEndUser(U1, user)).isEqualTo(new EndUser(HOSPITAL_B, U1, user));
        ledger.addAccount(HOSPITAL_B, other);
        assertThat(ledger.organizationOf(other)).contains(HOSPITAL_B);
    }

    /** Registers vendor-a with the vendor and vendor2 accounts; the ledger as vendor-a's first account. */
    private Web3jOrganizationLedger vendorWithTwoAccounts() {
        ledger.register(VENDOR_A, vendor.account(), Set.of(PlatformRole.DATA_PROVIDER));
        ledger.addAccount(VENDOR_A, vendor2.account());
        return new Web3jOrganizationLedger(vendor, ledger.registryAddress());
    }

    // ---- admin hand-over ------------------------------------------------------------------

    @Test
    void hands_the_administration_over_in_two_steps() throws Exception {
        Web3jOrganizationLedger successor = new Web3jOrganizationLedger(outsider, ledger.registryAddress());
        String next = outsider.account().value();

        ledger.submit("transfer admin", ledger.contract().transferAdmin(next));

        assertThat(ChainAddress.of(ledger.contract().pendingAdmin().send())).isEqualTo(outsider.account());
        assertThat(ChainAddress.of(ledger.contract().admin().send())).isEqualTo(admin.account());
        var started = decoded(OrganizationRegistry.ADMINTRANSFERSTARTED_EVENT,
                OrganizationRegistry::getAdminTransferStartedEventFromLog);
        assertThat(started).singleElement().satisfies(e -> {
            assertThat(ChainAddress.of(e.currentAdmin)).isEqualTo(admin.account());
            assertThat(ChainAddress.of(e.pendingAdmin)).isEqualTo(outsider.account());
        });

        successor.submit("accept admin", successor.contract().acceptAdmin());

        assertThat(ChainAddress.of(ledger.contract().admin().send())).isEqualTo(outsider.account());
        assertThat(ChainAddress.of(ledger.contract().pendingAdmin().send())).isEqualTo(zeroAddress());
        var transferred = decoded(OrganizationRegistry.ADMINTRANSFERRED_EVENT,
                OrganizationRegistry::getAdminTransferredEventFromLog);
        assertThat(transferred).hasSize(2).last().satisfies(e -> {
            assertThat(ChainAddress.of(e.previousAdmin)).isEqualTo(admin.account());
            assertThat(ChainAddress.of(e.newAdmin)).isEqualTo(outsider.account());
        });
        successor.register(BANK_A, randomAccount(), Set.of(PlatformRole.DATA_USER));
        assertRefused(() -> ledger.register(HOSPITAL_B, randomAccount(), Set.of(PlatformRole.DATA_USER)),
                "NotAdmin", admin.account().value());
    }

    @Test
    void refuses_an_admin_hand_over_to_nobody_or_taken_by_someone_else() {
        Web3jOrganizationLedger stranger = new Web3jOrganizationLedger(outsider, ledger.registryAddress());

        assertRefused(() -> ledger.submit("transfer admin", ledger.contract().transferAdmin(zeroAddress().value())),
                "ZeroAddress", "zero address");
        assertRefused(() -> stranger.submit("accept admin", stranger.contract().acceptAdmin()),
                "NotPendingAdmin", outsider.account().value());
    }

    // ---- failures to reach the ledger -----------------------------------------------------

    @Test
    void an_unreachable_node_or_missing_contract_is_unavailable_not_a_refusal() throws Exception {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (ChainConnection nowhere = ChainConnection.open(
                ChainSettings.of(URI.create("http://127.0.0.1:" + closedPort), AnvilProcess.CHAIN_ID,
                        () -> AnvilProcess.DEV_KEYS.get(0)))) {
            Web3jOrganizationLedger offline = new Web3jOrganizationLedger(nowhere, ledger.registryAddress());
            assertThatThrownBy(() -> offline.isActive(BANK_A)).isInstanceOf(LedgerUnavailable.class);
            assertThatThrownBy(() -> offline.register(BANK_A, randomAccount(), Set.of(PlatformRole.DATA_USER)))
                    .isInstanceOf(LedgerUnavailable.class);
        }
        Web3jOrganizationLedger noContract = new Web3jOrganizationLedger(admin, randomAccount());
        assertThatThrownBy(() -> noContract.isActive(BANK_A)).isInstanceOf(LedgerUnavailable.class);
    }

    // ---- helpers --------------------------------------------------------------------------

    /** Asserts a refusal with its reason and message, found by the dry run: nothing was sent. */
    private static void assertRefused(ThrowingCallable change, String reason, String messagePart) {
        BigInteger before = blockNumber();
        assertThatThrownBy(change)
                .isInstanceOfSatisfying(LedgerRefusal.class, refusal -> assertThat(refusal.reason()).isEqualTo(reason))
                .hasMessageContaining(messagePart);
        assertThat(blockNumber()).as("no transaction sent for a refusal").isEqualTo(before);
    }

    private static BigInteger blockNumber() {
        try {
            return admin.web3j().ethBlockNumber().send().getBlockNumber();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private <T> List<T> decoded(Event event, java.util.function.Function<Log, T> decoder) {
        try {
            EthFilter filter = new EthFilter(DefaultBlockParameterName.EARLIEST, DefaultBlockParameterName.LATEST,
                    ledger.registryAddress().value());
            filter.addSingleTopic(EventEncoder.encode(event));
            EthLog logs = admin.web3j().ethGetLogs(filter).send();
            assertThat(logs.hasError()).as("eth_getLogs error").isFalse();
            return logs.getLogs().stream().map(result -> decoder.apply((Log) result.get())).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static BigInteger nonceOf(ChainAddress account) throws Exception {
        return admin.web3j().ethGetTransactionCount(account.value(), DefaultBlockParameterName.LATEST)
                .send().getTransactionCount();
    }

    private static ChainAddress randomAccount() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return ChainAddress.of("0x" + HexFormat.of().formatHex(bytes));
    }

    private static ChainAddress zeroAddress() {
        return ChainAddress.of("0x" + "0".repeat(40));
    }
}
