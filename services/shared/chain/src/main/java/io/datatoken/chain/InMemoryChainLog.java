package io.datatoken.chain;

import io.datatoken.domain.ledger.BlockRef;
import io.datatoken.domain.ledger.ChainLog;
import io.datatoken.domain.ledger.LedgerEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A chain in memory for unit tests: a genesis block, blocks appended with their logs, and forks that
 * replace the tail from a block on. Hashes chain through parents, so a block on another branch has
 * another hash. It passes ChainLogContract (the chain module's tests), as the web3j adapter must.
 */
public final class InMemoryChainLog implements ChainLog {

    /** Blocks are this far apart in time, from {@link #GENESIS_TIME}. */
    public static final long BLOCK_SECONDS = 12;
    public static final long GENESIS_TIME = 1_700_000_000L;

    /**
     * A log to put in a block: the log index is its position in the block. Its transaction's sender is
     * named after the transaction unless {@link #by given}.
     */
    public record Log(String txHash, String sender, String contract, String event, Map<String, String> fields) {

        /** The same log in a transaction sent by this account. */
        public Log by(String account) {
            return new Log(txHash, account.toLowerCase(Locale.ROOT), contract, event, fields);
        }
    }

    private record Block(BlockRef ref, List<LedgerEvent> events) {
    }

    private final List<Block> blocks = new ArrayList<>();
    private int branch;

    public InMemoryChainLog() {
        blocks.add(new Block(new BlockRef(0, hash("genesis"), "0x" + "0".repeat(64), GENESIS_TIME), List.of()));
    }

    public static Log log(String txHash, String contract, String event, Map<String, String> fields) {
        return new Log(txHash, hash("sender of " + txHash).substring(0, 42), contract, event, fields);
    }

    /** Appends a block holding these logs, in this order. */
    public BlockRef append(Log... logs) {
        BlockRef parent = blocks.getLast().ref();
        long number = parent.number() + 1;
        String hash = hash(parent.hash() + "/" + branch + "/" + number + "/" + List.of(logs));
        BlockRef ref = new BlockRef(number, hash, parent.hash(), GENESIS_TIME + number * BLOCK_SECONDS);
        List<LedgerEvent> events = new ArrayList<>();
        for (int i = 0; i < logs.length; i++) {
            events.add(new LedgerEvent(number, hash, ref.timestamp(), logs[i].txHash(), logs[i].sender(), i,
                    logs[i].contract(), logs[i].event(), logs[i].fields()));
        }
        blocks.add(new Block(ref, List.copyOf(events)));
        return ref;
    }

    /** Appends empty blocks. */
    public void mine(int count) {
        for (int i = 0; i < count; i++) {
            append();
        }
    }

    /** Drops the blocks from this number on: what is appended next is another branch. */
    public void fork(long fromBlock) {
        if (fromBlock < 1 || fromBlock > blocks.size()) {
            throw new IllegalArgumentException("cannot fork at " + fromBlock);
        }
        blocks.subList((int) fromBlock, blocks.size()).clear();
        branch++;
    }

    @Override
    public long head() {
        return blocks.getLast().ref().number();
    }

    @Override
    public Optional<BlockRef> block(long number) {
        return number >= 0 && number < blocks.size() ? Optional.of(blocks.get((int) number).ref()) : Optional.empty();
    }

    @Override
    public List<LedgerEvent> events(long fromBlock, long toBlock) {
        List<LedgerEvent> events = new ArrayList<>();
        for (long n = Math.max(0, fromBlock); n <= Math.min(toBlock, head()); n++) {
            events.addAll(blocks.get((int) n).events());
        }
        return events;
    }

    private static String hash(String text) {
        try {
            return "0x" + HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
