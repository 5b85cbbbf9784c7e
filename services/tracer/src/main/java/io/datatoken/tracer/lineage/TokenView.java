package io.datatoken.tracer.lineage;

import java.time.Instant;

/**
 * A DT in a lineage answer.
 *
 * @param level           edges from the DT asked about (0 for itself), along the shortest path
 * @param owner           the owner organization's alias (its id in hex if it is not one); null, as
 *                        kind and registeredBlock, if the index holds no registration for the DT
 * @param kind            DATA, COMPUTE or ALGORITHM
 * @param registeredBlock the block of its TokenRegistered event
 * @param txHash          the transaction that registered it
 * @param registeredAt    the time of its block, and registeredBy the account that registered it: read for
 *                        the DT asked about only, null for the DTs its lineage reaches
 */
public record TokenView(String dt, int level, String owner, String kind, Long registeredBlock, String txHash,
                        Instant registeredAt, String registeredBy) {
}
