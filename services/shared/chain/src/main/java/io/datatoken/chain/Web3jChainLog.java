package io.datatoken.chain;

import io.datatoken.domain.ledger.BlockRef;
import io.datatoken.domain.ledger.ChainLog;
import io.datatoken.domain.ledger.LedgerEvent;
import io.datatoken.domain.organization.ChainAddress;
import io.datatoken.domain.organization.LedgerUnavailable;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;

/**
 * The chain as the indexer reads it, over JSON-RPC: eth_blockNumber, eth_getBlockByNumber without
 * transactions, and one eth_getLogs over the four platform contracts per range, decoded by
 * {@link LedgerEventDecoder}. A node that cannot be reached or answers with an error is a
 * {@link LedgerUnavailable}.
 */
public final class Web3jChainLog implements ChainLog {

    private final ChainConnection connection;
    private final LedgerEventDecoder decoder;

    /** @param contracts the deployed address of each of {@link LedgerEvent#CONTRACTS} */
    public Web3jChainLog(ChainConnection connection, Map<String, ChainAddress> contracts) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.decoder = new LedgerEventDecoder(contracts);
    }

    @Override
    public long head() {
        return send("read the head", web3j().ethBlockNumber()).getBlockNumber().longValueExact();
    }

    @Override
    public Optional<BlockRef> block(long number) {
        if (number < 0) {
            return Optional.empty();
        }
        EthBlock.Block block = send("read block " + number,
                web3j().ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(number)), false))
                .getBlock();
        return Optional.ofNullable(block).map(b -> new BlockRef(b.getNumber().longValueExact(),
                b.getHash().toLowerCase(Locale.ROOT), b.getParentHash().toLowerCase(Locale.ROOT)));
    }

    @Override
    public List<LedgerEvent> events(long fromBlock, long toBlock) {
        long from = Math.max(0, fromBlock);
        if (from > toBlock) {
            return List.of();
        }
        EthFilter filter = new EthFilter(DefaultBlockParameter.valueOf(BigInteger.valueOf(from)),
                DefaultBlockParameter.valueOf(BigInteger.valueOf(toBlock)), decoder.addresses());
        List<EthLog.LogResult<?>> logs = send("read the events of blocks " + from + ".." + toBlock,
                web3j().ethGetLogs(filter)).getLogs();
        return logs.stream()
                .map(result -> (Log) result.get())
                .filter(log -> !log.isRemoved())
                .map(decoder::decode)
                .sorted(Comparator.comparingLong(LedgerEvent::blockNumber).thenComparingInt(LedgerEvent::logIndex))
                .toList();
    }

    private Web3j web3j() {
        return connection.web3j();
    }

    private <T extends Response<?>> T send(String action, Request<?, T> request) {
        T response;
        try {
            response = request.send();
        } catch (IOException e) {
            throw new LedgerUnavailable("could not " + action + " at " + connection.settings().rpcUrl()
                    + ": " + e.getMessage(), e);
        }
        if (response.hasError()) {
            throw new LedgerUnavailable("could not " + action + " at " + connection.settings().rpcUrl()
                    + ": " + response.getError().getMessage(), null);
        }
        return response;
    }
}
