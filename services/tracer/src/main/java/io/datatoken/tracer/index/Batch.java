package io.datatoken.tracer.index;

import io.datatoken.domain.ledger.LedgerEvent;
import java.util.List;
import java.util.Optional;

/**
 * Blocks to apply in one transaction: their events, the hashes to keep for finding a fork point, and
 * the cursor before and after. {@code after} is the cursor the batch continues from (empty for the
 * first), so a store can refuse a batch that no longer follows what it holds.
 */
public record Batch(Optional<AppliedBlock> after, List<LedgerEvent> events, List<AppliedBlock> blocks,
             AppliedBlock cursor, int keptBlocks) {

    public Batch {
        events = List.copyOf(events);
        blocks = List.copyOf(blocks);
    }
}
