package io.datatoken.chain;

import io.datatoken.chain.LedgerEventDecoder.BlockFacts;
import io.datatoken.domain.ledger.BlockRef;
import io.datatoken.domain.ledger.ChainLog;
import io.datatoken.domain.ledger.LedgerEvent;
import io.datatoken.domain.organization.ChainAddress;
import io.datatoken.domain.organization.LedgerUnavailable;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.BatchResponse;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.Transaction;

/**
 * The chain as the indexer reads it, over JSON-RPC: eth_blockNumber, eth_getBlockByNumber without
 * transactions, and per range one eth_getLogs over the four platform contracts, decoded by
 * {@link LedgerEventDecoder}, plus one batch of eth_getBlockByHash with transactions for the blocks
 * holding events (their time, and the senders: events rarely name who acted). A node that cannot be
 * reached or answers with an error is a {@link LedgerUnavailable}.
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
                b.getHash().toLowerCase(Locale.ROOT), b.getParentHash().toLowerCase(Locale.ROOT),
                b.getTimestamp().longValueExact()));
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
        List<Log> current = logs.stream().map(result -> (Log) result.get()).filter(log -> !log.isRemoved()).toList();
        Map<String, BlockFacts> blocks = blocksOf(current);
        return current.stream()
                .map(log -> decoder.decode(log, blocks.get(log.getBlockHash().toLowerCase(Locale.ROOT))))
                .sorted(Comparator.comparingLong(LedgerEvent::blockNumber).thenComparingInt(LedgerEvent::logIndex))
                .toList();
    }

    /** The time and senders of the blocks these logs are in, by block hash, in one batch request. */
    private Map<String, BlockFacts> blocksOf(List<Log> logs) {
        List<String> hashes = logs.stream().map(log -> log.getBlockHash().toLowerCase(Locale.ROOT)).distinct().toList();
        if (hashes.isEmpty()) {
            return Map.of();
        }
        BatchRequest batch = web3j().newBatch();
        hashes.forEach(hash -> batch.add(web3j().ethGetBlockByHash(hash, true)));
        BatchResponse answer;
        try {
            answer = batch.send();
        } catch (IOException e) {
            throw new LedgerUnavailable("could not read " + hashes.size() + " blocks at "
                    + connection.settings().rpcUrl() + ": " + e.getMessage(), e);
        }
        Map<String, BlockFacts> blocks = new HashMap<>();
        for (int i = 0; i < hashes.size(); i++) {
            Response<?> response = answer.getResponses().get(i);
            EthBlock.Block block = response instanceof EthBlock found && !found.hasError() ? found.getBlock() : null;
            if (block == null) {
                // the block left the canonical branch between the two reads: the indexer re-reads the range
                throw new LedgerUnavailable("block " + hashes.get(i) + " of the events just read is gone at "
                        + connection.settings().rpcUrl(), null);
            }
            blocks.put(hashes.get(i), facts(block));
        }
        return blocks;
    }

    private static BlockFacts facts(EthBlock.Block block) {
        Map<String, String> senders = new HashMap<>();
        for (EthBlock.TransactionResult<?> result : block.getTransactions()) {
            if (result.get() instanceof Transaction transaction) {
                senders.put(transaction.getHash().toLowerCase(Locale.ROOT), transaction.getFrom().toLowerCase(Locale.ROOT));
            }
        }
        long time = block.getTimestamp().longValueExact();
        return new BlockFacts() {
            @Override
            public long time() {
                return time;
            }

            @Override
            public String sender(String txHash) {
                String sender = senders.get(txHash.toLowerCase(Locale.ROOT));
                if (sender == null) {
                    throw new IllegalStateException("block " + block.getHash() + " holds no transaction " + txHash);
                }
                return sender;
            }
        };
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
