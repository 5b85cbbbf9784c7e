package io.datatoken.tracer.index;

import io.datatoken.domain.ledger.BlockRef;
import io.datatoken.domain.ledger.ChainLog;
import io.datatoken.domain.ledger.LedgerEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Follows the chain into the index: applies the events of every block at least
 * {@link IndexerSettings#confirmations()} below the head, batch by batch, each batch in one transaction
 * with its cursor, so it resumes after a restart where it stopped. Before applying it checks that the
 * chain still holds the applied cursor; if not, it rolls back to the newest kept block the chain still
 * holds (the fork point) and applies the new branch from there.
 */
public class Indexer {

    private static final Logger LOG = Logger.getLogger(Indexer.class.getName());

    private ChainLog chain;
    private IndexStore store;
    private IndexerSettings settings;

    public Indexer(ChainLog chain, IndexStore store, IndexerSettings settings) {
        this.chain = Objects.requireNonNull(chain, "chain");
        this.store = Objects.requireNonNull(store, "store");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** For CDI's client proxy only. */
    protected Indexer() {
    }

    /**
     * Applies every confirmed block not yet applied.
     *
     * @return the number of events applied
     * @throws ReorganizationTooDeep when the fork point is below every kept block hash
     */
    public int catchUp() {
        long confirmed = chain.head() - settings.confirmations();
        Optional<AppliedBlock> cursor = reconciled(store.cursor());
        int applied = 0;
        long next = cursor.map(c -> c.number() + 1).orElse(0L);
        while (next <= confirmed) {
            long to = Math.min(confirmed, next + settings.batchBlocks() - 1);
            Optional<Batch> batch = read(cursor, next, to, confirmed);
            if (batch.isEmpty()) {
                LOG.info("the chain changed while blocks " + next + ".." + to + " were read; the next catch-up"
                        + " reconciles");
                break;
            }
            applied += store.apply(batch.get());
            cursor = Optional.of(batch.get().cursor());
            next = to + 1;
        }
        return applied;
    }

    /** Blocks between the head and the last applied block (the head plus one before any). */
    public long lag() {
        return chain.head() - store.cursor().map(AppliedBlock::number).orElse(-1L);
    }

    /** The cursor if the chain still holds it, else the fork point the index was rolled back to. */
    private Optional<AppliedBlock> reconciled(Optional<AppliedBlock> cursor) {
        if (cursor.isEmpty() || onChain(cursor.get())) {
            return cursor;
        }
        for (AppliedBlock kept : store.keptBlocks()) {
            if (kept.number() < cursor.get().number() && onChain(kept)) {
                LOG.warning(() -> "chain reorganized: rolling the index back from block " + cursor.get().number()
                        + " to " + kept.number());
                store.rollBack(cursor.get(), kept);
                return Optional.of(kept);
            }
        }
        throw new ReorganizationTooDeep(cursor.get());
    }

    private boolean onChain(AppliedBlock block) {
        return chain.block(block.number()).map(BlockRef::hash).filter(block.hash()::equals).isPresent();
    }

    /**
     * Reads blocks next..to as one batch, with the hashes of those among the last kept ones below
     * {@code confirmed}; empty when what was read does not hang together (the chain moved meanwhile).
     */
    private Optional<Batch> read(Optional<AppliedBlock> cursor, long next, long to, long confirmed) {
        long keptFrom = Math.max(next, confirmed - settings.keptBlocks() + 1);
        List<BlockRef> blocks = new ArrayList<>();
        for (long number = keptFrom; number <= to; number++) {
            Optional<BlockRef> block = chain.block(number);
            if (block.isEmpty()) {
                return Optional.empty();
            }
            blocks.add(block.get());
        }
        List<LedgerEvent> events = chain.events(next, to);
        Optional<BlockRef> end = blocks.isEmpty() ? chain.block(to) : Optional.of(blocks.getLast());
        if (end.isEmpty() || !consistent(cursor, next, blocks, events)) {
            return Optional.empty();
        }
        return Optional.of(new Batch(cursor, events, blocks.stream().map(AppliedBlock::of).toList(),
                AppliedBlock.of(end.get()), settings.keptBlocks()));
    }

    /** Blocks read link up (to the cursor too), and events in them carry their hashes. */
    private static boolean consistent(Optional<AppliedBlock> cursor, long next, List<BlockRef> blocks,
                                      List<LedgerEvent> events) {
        Map<Long, String> hashes = new HashMap<>();
        String parent = null;
        for (BlockRef block : blocks) {
            String expectedParent = block.number() == next ? cursor.map(AppliedBlock::hash).orElse(null) : parent;
            if (expectedParent != null && !expectedParent.equals(block.parentHash())) {
                return false;
            }
            hashes.put(block.number(), block.hash());
            parent = block.hash();
        }
        return events.stream().allMatch(e -> hashes.getOrDefault(e.blockNumber(), e.blockHash()).equals(e.blockHash()));
    }
}
