package io.datatoken.chain;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

import io.datatoken.domain.organization.EndUserId;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.organization.PlatformRole;
import io.datatoken.domain.token.DataTokenLedger;

/**
 * The data token ledger contract against the web3j adapter on anvil: fresh contracts per test,
 * and for each organization the contract asks for, a new funded account registered by the admin.
 */
class Web3jDataTokenLedgerContractIT extends DataTokenLedgerContract {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** 1000 ether, plenty for a test's transactions. */
    private static final String BALANCE = "0x3635c9adc5dea00000";

    private static LedgerFixture chain;

    private final List<ChainConnection> accounts = new ArrayList<>();
    /** The first account of each organization: it registers and removes the organization's end users. */
    private final Map<OrganizationAlias, ChainConnection> firstAccounts = new HashMap<>();

    @BeforeAll
    static void startChain() {
        chain = new LedgerFixture();
    }

    @AfterAll
    static void stopChain() {
        if (chain != null) {
            chain.close();
        }
    }

    @AfterEach
    void closeAccounts() {
        accounts.forEach(ChainConnection::close);
    }

    @Override
    protected void startFresh() {
        chain.deploy();
    }

    @Override
    protected DataTokenLedger organization(OrganizationAlias alias, Set<PlatformRole> roles) {
        ChainConnection account = newAccount();
        chain.organizations.register(alias, account.account(), roles);
        firstAccounts.put(alias, account);
        return chain.tokens(account);
    }

    @Override
    protected DataTokenLedger anotherAccountOf(OrganizationAlias alias) {
        ChainConnection account = newAccount();
        chain.organizations.addAccount(alias, account.account());
        return chain.tokens(account);
    }

    @Override
    protected DataTokenLedger outsider() {
        return chain.tokens(chain.outsider);
    }

    @Override
    protected void suspend(OrganizationAlias alias) {
        chain.organizations.suspend(alias);
    }

    @Override
    protected void reinstate(OrganizationAlias alias) {
        chain.organizations.reinstate(alias);
    }

    @Override
    protected void remove(OrganizationAlias alias) {
        chain.organizations.remove(alias);
    }

    @Override
    protected DataTokenLedger endUser(OrganizationAlias alias, EndUserId id) {
        ChainConnection account = newAccount();
        organizationLedgerOf(alias).registerEndUser(id, account.account());
        return chain.tokens(account);
    }

    @Override
    protected void removeEndUser(OrganizationAlias alias, EndUserId id) {
        organizationLedgerOf(alias).removeEndUser(id);
    }

    private Web3jOrganizationLedger organizationLedgerOf(OrganizationAlias alias) {
        return new Web3jOrganizationLedger(firstAccounts.get(alias), chain.organizations.registryAddress());
    }

    @Override
    protected Instant now() {
        return chain.chainNow();
    }

    @Override
    protected void advanceTime(Duration by) {
        chain.anvil.advanceTime(by.toSeconds());
    }

    /** A fresh random key, funded on anvil; closed after the test. */
    private ChainConnection newAccount() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        String privateKey = "0x" + HexFormat.of().formatHex(key);
        ChainConnection connection = ChainConnection.open(ChainSettings.of(chain.anvil.rpcUrl(), AnvilProcess.CHAIN_ID,
                () -> privateKey).withPollingInterval(Duration.ofMillis(50)));
        accounts.add(connection);
        String funded = chain.anvil.rpc("anvil_setBalance",
                "[\"" + connection.account().value() + "\",\"" + BALANCE + "\"]");
        if (funded.contains("\"error\"")) {
            throw new IllegalStateException("anvil did not fund " + connection.account() + ": " + funded);
        }
        return connection;
    }
}
