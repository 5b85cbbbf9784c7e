package io.datatoken.tracer.index;

import io.datatoken.domain.ledger.BlockRef;
import java.util.Objects;

/** A block the index has applied, by number and the hash it had then (the cursor, an indexed_block row). */
public record AppliedBlock(long number, String hash) {

    public AppliedBlock {
        Objects.requireNonNull(hash, "hash");
    }

    public static AppliedBlock of(BlockRef block) {
        return new AppliedBlock(block.number(), block.hash());
    }
}
