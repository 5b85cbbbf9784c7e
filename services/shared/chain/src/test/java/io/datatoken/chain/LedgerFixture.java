package io.datatoken.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

import io.datatoken.domain.asset.AssetKind;
import io.datatoken.domain.asset.Proof;
import io.datatoken.domain.content.Cid;
import io.datatoken.domain.organization.LedgerRefusal;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.organization.PlatformRole;
import io.datatoken.domain.token.DataTokenId;

/**
 * One anvil chain for a test class, one connection per party, and a fresh set of contracts per
 * test ({@link #deploy()}): the organization registry with four organizations, the op registry,
 * the data token registry and the task market, each used through its adapter.
 */
final class LedgerFixture implements AutoCloseable {

    static final OrganizationAlias BANK_A = OrganizationAlias.of("bank-a");
    static final OrganizationAlias HOSPITAL_B = OrganizationAlias.of("hospital-b");
    static final OrganizationAlias ALGO_C = OrganizationAlias.of("algo-c");
    static final OrganizationAlias INSURER_D = OrganizationAlias.of("insurer-d");

    private static final SecureRandom RANDOM = new SecureRandom();

    final AnvilProcess anvil;
    /** Operator: deploys everything and administers the organization and op registries. */
    final ChainConnection admin;
    /** bank-a: data and compute provider, with two accounts. */
    final ChainConnection bankA;
    final ChainConnection bankA2;
    /** hospital-b: data provider. */
    final ChainConnection hospitalB;
    /** algo-c: algorithm provider. */
    final ChainConnection algoC;
    /** insurer-d: data user (posts tasks). */
    final ChainConnection insurerD;
    /** An account of no organization. */
    final ChainConnection outsider;
    /** An account of no organization either: tests register it as an end user (of hospital-b, say). */
    final ChainConnection user;

    Web3jOrganizationLedger organizations;
    Web3jOpLedger opRegistry;
    Web3jDataTokenLedger tokenRegistry;
    Web3jTaskMarketLedger marketContract;

    LedgerFixture() {
        anvil = AnvilProcess.start();
        admin = ChainConnection.open(anvil.settings(0));
        bankA = ChainConnection.open(anvil.settings(1));
        bankA2 = ChainConnection.open(anvil.settings(2));
        hospitalB = ChainConnection.open(anvil.settings(3));
        algoC = ChainConnection.open(anvil.settings(4));
        insurerD = ChainConnection.open(anvil.settings(5));
        outsider = ChainConnection.open(anvil.settings(6));
        user = ChainConnection.open(anvil.settings(7));
    }

    /** Fresh contracts and organizations, so tests share the chain but no state. */
    void deploy() {
        organizations = Web3jOrganizationLedger.deploy(admin);
        organizations.register(BANK_A, bankA.account(), Set.of(PlatformRole.DATA_PROVIDER, PlatformRole.COMPUTE_PROVIDER));
        organizations.addAccount(BANK_A, bankA2.account());
        organizations.register(HOSPITAL_B, hospitalB.account(), Set.of(PlatformRole.DATA_PROVIDER));
        organizations.register(ALGO_C, algoC.account(), Set.of(PlatformRole.ALGORITHM_PROVIDER));
        organizations.register(INSURER_D, insurerD.account(), Set.of(PlatformRole.DATA_USER));
        opRegistry = Web3jOpLedger.deploy(admin, organizations.registryAddress());
        tokenRegistry = Web3jDataTokenLedger.deploy(admin, organizations.registryAddress());
        marketContract = Web3jTaskMarketLedger.deploy(admin, tokenRegistry.registryAddress(), opRegistry.registryAddress());
    }

    /** The organization registry acting as {@code as}: an organization's account manages its end users. */
    Web3jOrganizationLedger organizations(ChainConnection as) {
        return new Web3jOrganizationLedger(as, organizations.registryAddress());
    }

    Web3jOpLedger ops(ChainConnection as) {
        return new Web3jOpLedger(as, opRegistry.registryAddress());
    }

    Web3jDataTokenLedger tokens(ChainConnection as) {
        return new Web3jDataTokenLedger(as, tokenRegistry.registryAddress());
    }

    Web3jTaskMarketLedger market(ChainConnection as) {
        return new Web3jTaskMarketLedger(as, marketContract.marketAddress());
    }

    /** Registers a token as {@code owner} with a fresh id, CID and proof. */
    DataTokenId register(ChainConnection owner, AssetKind kind, DataTokenId... children) {
        DataTokenId id = DataTokenId.of(randomHex32());
        tokens(owner).register(id, kind, randomCid(), randomProof(), List.of(children));
        return id;
    }

    /** The block time of the latest block: the clock grants and expiries are measured with. */
    Instant chainNow() {
        try {
            EthBlock block = admin.web3j().ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send();
            return Instant.ofEpochSecond(block.getBlock().getTimestamp().longValueExact());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The receipt of the latest transaction (anvil mines one block per transaction). */
    TransactionReceipt lastReceipt() {
        try {
            EthBlock block = admin.web3j().ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send();
            List<EthBlock.TransactionResult> transactions = block.getBlock().getTransactions();
            assertThat(transactions).as("transactions in the latest block").hasSize(1);
            String hash = (String) transactions.get(0).get();
            return admin.web3j().ethGetTransactionReceipt(hash).send().getTransactionReceipt().orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    BigInteger blockNumber() {
        try {
            return admin.web3j().ethBlockNumber().send().getBlockNumber();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Asserts a refusal with its reason and message, and that nothing was sent for it: refusals
     * are found by the dry run.
     */
    void assertRefused(ThrowingCallable change, String reason, String messagePart) {
        BigInteger before = blockNumber();
        assertThatThrownBy(change)
                .isInstanceOfSatisfying(LedgerRefusal.class, refusal -> assertThat(refusal.reason()).isEqualTo(reason))
                .hasMessageContaining(messagePart);
        assertThat(blockNumber()).as("no transaction sent for a refusal").isEqualTo(before);
    }

    static String randomHex32() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "0x" + HexFormat.of().formatHex(bytes);
    }

    static Cid randomCid() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Cid.of(bytes);
    }

    static Proof randomProof() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Proof.sha256Of(bytes);
    }

    @Override
    public void close() {
        for (ChainConnection connection : new ChainConnection[] {admin, bankA, bankA2, hospitalB, algoC, insurerD, outsider,
                user}) {
            if (connection != null) {
                connection.close();
            }
        }
        anvil.close();
    }
}
