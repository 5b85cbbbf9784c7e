package io.datatoken.portal.services;

import java.time.Instant;

/**
 * A grant of the child's use to the parent, or its revocation, as the chain recorded it.
 *
 * @param change    GRANTED or REVOKED
 * @param expiresAt unix seconds the grant ends at, 0 for until revoked; null for a revocation
 * @param at        the time of its block; null in a lineage's edges
 */
public record GrantChange(String child, String parent, String change, Long expiresAt, String by, long blockNumber,
                          String txHash, Instant at) {
}
