package io.datatoken.chain;

import static io.datatoken.chain.LedgerFixture.randomCid;
import static io.datatoken.chain.LedgerFixture.randomHex32;
import static io.datatoken.chain.LedgerFixture.randomProof;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import io.datatoken.domain.asset.AssetKind;
import io.datatoken.domain.asset.Proof;
import io.datatoken.domain.content.Cid;
import io.datatoken.domain.ledger.ChainLog;
import io.datatoken.domain.ledger.LedgerEvent;
import io.datatoken.domain.market.TaskId;
import io.datatoken.domain.op.OpHash;
import io.datatoken.domain.organization.LedgerUnavailable;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.organization.PlatformRole;
import io.datatoken.domain.token.DataTokenId;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The web3j chain log on anvil: the platform's events, decoded into named text fields. */
class Web3jChainLogIT {

    private static LedgerFixture chain;

    @TempDir
    Path dir;

    private ChainReaders readers;
    private ChainLog log;

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

    @BeforeEach
    void deploy() {
        chain.deploy();
        readers = ChainReaders.open(chain.anvil.rpcUrl(), AnvilProcess.CHAIN_ID, DeploymentRecord.write(chain, dir));
        log = readers.chainLog();
    }

    @AfterEach
    void closeReaders() {
        readers.close();
    }

    @Test
    void decodes_an_organization_an_op_a_token_and_a_task_with_their_solidity_names() {
        long from = chain.blockNumber().longValueExact() + 1;
        OrganizationAlias lab = OrganizationAlias.of("lab-e");
        chain.organizations.register(lab, chain.outsider.account(),
                Set.of(PlatformRole.DATA_PROVIDER, PlatformRole.DATA_USER));
        OpHash op = OpHash.of(randomHex32());
        Cid code = randomCid();
        chain.opRegistry.publish(op, "secure-sum", "1.2.0", code);
        DataTokenId leaf = chain.register(chain.bankA, AssetKind.DATA);
        DataTokenId composed = DataTokenId.of(randomHex32());
        Cid path = randomCid();
        Proof proof = randomProof();
        chain.tokens(chain.algoC).register(composed, AssetKind.ALGORITHM, path, proof, List.of(leaf));
        TaskId task = TaskId.of(randomHex32());
        chain.market(chain.insurerD).createTask(task, "credit \"risk\" model");

        List<LedgerEvent> events = log.events(from, log.head());

        assertThat(events).extracting(LedgerEvent::contract, LedgerEvent::event).containsExactly(
                tuple("OrganizationRegistry", "OrganizationRegistered"),
                tuple("OpRegistry", "OpPublished"),
                tuple("DataTokenRegistry", "TokenRegistered"),
                tuple("DataTokenRegistry", "TokenRegistered"),
                tuple("TaskMarket", "TaskCreated"));
        assertThat(events.get(0).fields()).containsExactly(
                entry("orgId", organizationId("lab-e")),
                entry("account", chain.outsider.account().value()),
                entry("roles", "9"));
        assertThat(events.get(1).fields()).containsExactly(
                entry("opHash", op.value()), entry("name", "secure-sum"), entry("version", "1.2.0"),
                entry("codeCid", code.value()));
        assertThat(events.get(2).fields()).containsEntry("dt", leaf.value()).containsEntry("children", "[]");
        assertThat(events.get(3).fields()).containsExactly(
                entry("dt", composed.value()),
                entry("owner", organizationId("algo-c")),
                entry("kind", "2"),
                entry("storagePath", path.value()),
                entry("proof", proof.value()),
                entry("children", "[\"" + leaf.value() + "\"]"));
        assertThat(events.get(4).fields()).containsExactly(
                entry("taskId", task.value()), entry("owner", organizationId("insurer-d")),
                entry("description", "credit \"risk\" model"));
    }

    @Test
    void events_carry_their_block_transaction_and_log_index() {
        long from = chain.blockNumber().longValueExact() + 1;
        var hash = chain.tokens(chain.bankA).register(DataTokenId.of(randomHex32()), AssetKind.DATA, randomCid(),
                randomProof(), List.of());
        long block = chain.blockNumber().longValueExact();

        assertThat(log.events(from, block)).singleElement().satisfies(event -> {
            assertThat(event.blockNumber()).isEqualTo(block);
            assertThat(event.blockHash()).isEqualTo(log.block(block).orElseThrow().hash());
            assertThat(event.blockTime()).isEqualTo(log.block(block).orElseThrow().timestamp()).isPositive();
            assertThat(event.txHash()).isEqualTo(hash.value());
            assertThat(event.sender()).isEqualTo(chain.bankA.account().value().toLowerCase(java.util.Locale.ROOT));
            assertThat(event.logIndex()).isZero();
        });
        assertThat(log.events(block + 1, block)).isEmpty();
    }

    @Test
    void only_the_deployments_contracts_are_read() {
        Web3jDataTokenLedger elsewhere = Web3jDataTokenLedger.deploy(chain.admin, chain.organizations.registryAddress());
        long from = chain.blockNumber().longValueExact() + 1;
        new Web3jDataTokenLedger(chain.bankA, elsewhere.registryAddress()).register(DataTokenId.of(randomHex32()), AssetKind.DATA, randomCid(), randomProof(), List.of());

        assertThat(log.events(from, log.head())).isEmpty();
    }

    @Test
    void an_unreachable_node_is_a_ledger_outage() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (ChainConnection nowhere = ChainConnection.open(ChainSettings.of(URI.create("http://127.0.0.1:" + port),
                AnvilProcess.CHAIN_ID, () -> AnvilProcess.DEV_KEYS.get(0)))) {
            ChainLog unreachable = new Web3jChainLog(nowhere, Map.of(
                    "OrganizationRegistry", chain.organizations.registryAddress(),
                    "OpRegistry", chain.opRegistry.registryAddress(),
                    "DataTokenRegistry", chain.tokenRegistry.registryAddress(),
                    "TaskMarket", chain.marketContract.marketAddress()));
            assertThatThrownBy(unreachable::head).isInstanceOf(LedgerUnavailable.class);
            assertThatThrownBy(() -> unreachable.events(0, 1)).isInstanceOf(LedgerUnavailable.class);
        }
    }

    private static String organizationId(String alias) {
        byte[] id = Arrays.copyOf(alias.getBytes(StandardCharsets.US_ASCII), 32);
        return "0x" + HexFormat.of().formatHex(id);
    }
}
