package io.datatoken.domain.ledger;

import java.util.Objects;

/** A block as the chain reports it: its number, its hash and its parent's hash. */
public record BlockRef(long number, String hash, String parentHash) {

    public BlockRef {
        if (number < 0) {
            throw new IllegalArgumentException("block number must not be negative: " + number);
        }
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(parentHash, "parentHash");
    }
}
