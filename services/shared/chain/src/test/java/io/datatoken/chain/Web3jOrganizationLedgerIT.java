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
import io.datatoken.domain.organization.ChainAddress;
import io.datatoken.domain.organization.LedgerOrganization;
import io.datatoken.domain.organization.LedgerRefusal;
import io.datatoken.domain.organization.LedgerUnavailable;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.organization.PlatformRole;

/**
 * The organization ledger against a real anvil chain: every contract function, every custom
 * error as a {@link LedgerRefusal}, and the events each change leaves. Each test deploys its
 * own registry, so tests share the chain but no state.
 */
class Web3jOrganizationLedgerIT {

    private static final OrganizationAlias BANK_A = OrganizationAlias.of("bank-a");
    private static final OrganizationAlias HOSPITAL_B = OrganizationAlias.of("hospital-b");
    private static final SecureRandom RANDOM = new SecureRandom();

    private static AnvilProcess anvil;
    private static ChainConnection admin;
    private static ChainConnection outsider;

    private Web3jOrganizationLedger ledger;

    @BeforeAll
    static void startChain() {
        anvil = AnvilProcess.start();
        admin = ChainConnection.open(anvil.settings(0));
        outsider = ChainConnection.open(anvil.settings(1));
    }

    @AfterAll
    static void stopChain() {
        if (admin != null) {
            admin.close();
        }
        if (outsider != null) {
            outsider.close();
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

    private static void assertRefused(ThrowingCallable change, String reason, String messagePart) {
        assertThatThrownBy(change)
                .isInstanceOfSatisfying(LedgerRefusal.class, refusal -> assertThat(refusal.reason()).isEqualTo(reason))
                .hasMessageContaining(messagePart);
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
