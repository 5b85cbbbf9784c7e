package io.datatoken.domain.ledger;

import java.util.List;
import java.util.Optional;

/**
 * What the indexer reads of the chain: its head, its blocks and the platform contracts' events.
 * Implementations answer from the chain's current canonical branch, which may change between calls.
 */
public interface ChainLog {

    /** The number of the newest block. */
    long head();

    /** The block at that number on the current branch; empty above the head. */
    Optional<BlockRef> block(long number);

    /** The platform's events in these blocks (both included), ordered by block, transaction and log index. */
    List<LedgerEvent> events(long fromBlock, long toBlock);
}
