package io.datatoken.portal.services;

import java.time.Instant;

/**
 * A DT in a lineage or usage answer of the tracer.
 *
 * @param level edges from the DT asked about (0 for itself), along the shortest path
 * @param owner the owner organization's alias; null, as kind, if the index holds no registration
 * @param kind  DATA, COMPUTE or ALGORITHM
 */
public record LineageToken(String dt, int level, String owner, String kind, Long registeredBlock, String txHash,
                           Instant registeredAt, String registeredBy) {
}
