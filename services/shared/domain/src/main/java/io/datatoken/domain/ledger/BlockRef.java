package io.datatoken.domain.ledger;

import java.util.Objects;

/** A block as the chain reports it: its number, its hash, its parent's hash and its time (unix seconds). */
public record BlockRef(long number, String hash, String parentHash, long timestamp) {

    public BlockRef {
        if (number < 0) {
            throw new IllegalArgumentException("block number must not be negative: " + number);
        }
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(parentHash, "parentHash");
        if (timestamp < 0) {
            throw new IllegalArgumentException("block time must not be negative: " + timestamp);
        }
    }
}
