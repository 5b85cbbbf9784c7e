package io.datatoken.chain;

import io.datatoken.domain.ledger.ChainLog;
import io.datatoken.domain.ledger.LedgerEvent;
import io.datatoken.domain.market.TaskMarketLedger;
import io.datatoken.domain.op.OpLedger;
import io.datatoken.domain.organization.ChainAddress;
import io.datatoken.domain.organization.OrganizationLedger;
import io.datatoken.domain.token.DataTokenLedger;
import java.net.URI;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.function.Supplier;

/**
 * A service's read-only view of the platform's contracts on one chain: one connection whose key is
 * a throw-away one (it never signs), the deployment record's addresses, and settings for the
 * connections that do sign.
 */
public final class ChainReaders implements AutoCloseable {

    private final URI rpcUrl;
    private final long chainId;
    private final ChainDeployment deployment;
    private final ChainConnection reader;

    private ChainReaders(URI rpcUrl, long chainId, ChainDeployment deployment) {
        this.rpcUrl = rpcUrl;
        this.chainId = chainId;
        this.deployment = deployment;
        String throwAway = ChainAccounts.generate().privateKey();
        this.reader = ChainConnection.open(settingsFor(() -> throwAway));
    }

    public static ChainReaders open(URI rpcUrl, long chainId, Path deploymentFile) {
        return new ChainReaders(rpcUrl, chainId, ChainDeployment.read(deploymentFile));
    }

    /** Settings of a connection on this chain that signs with {@code privateKey}. */
    public ChainSettings settingsFor(Supplier<String> privateKey) {
        return ChainSettings.of(rpcUrl, chainId, privateKey);
    }

    public ChainAddress address(String contract) {
        return deployment.address(contract);
    }

    public DataTokenLedger dataTokens() {
        return new Web3jDataTokenLedger(reader, address("DataTokenRegistry"));
    }

    public OpLedger ops() {
        return new Web3jOpLedger(reader, address("OpRegistry"));
    }

    public OrganizationLedger organizations() {
        return new Web3jOrganizationLedger(reader, address("OrganizationRegistry"));
    }

    public TaskMarketLedger taskMarket() {
        return new Web3jTaskMarketLedger(reader, address("TaskMarket"));
    }

    /** The head, blocks and events of the four platform contracts, for the tracer's index. */
    public ChainLog chainLog() {
        return new Web3jChainLog(reader, LedgerEvent.CONTRACTS.stream()
                .collect(Collectors.toMap(Function.identity(), this::address)));
    }

    /** Execution requests in this chain's and task market's EIP-712 domain. */
    public Eip712ExecutionRequests executionRequests() {
        return new Eip712ExecutionRequests(chainId, address("TaskMarket"));
    }

    @Override
    public void close() {
        reader.close();
    }
}
