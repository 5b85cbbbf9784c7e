package io.datatoken.tracer.lineage;

import java.time.Instant;

/**
 * A grant of the child's use to the parent, or its revocation, as recorded on chain.
 *
 * @param change    GRANTED or REVOKED
 * @param expiresAt unix seconds the grant ends at, 0 for until revoked; null for a revocation
 * @param by        the account that granted or revoked
 * @param at        the time of its block; null in a lineage's edges (read in the usage)
 */
public record GrantView(String child, String parent, String change, Long expiresAt, String by, long blockNumber,
                        String txHash, Instant at) {
}
