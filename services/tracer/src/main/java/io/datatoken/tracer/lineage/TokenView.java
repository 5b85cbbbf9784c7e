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
 * @param endUser         for a DT an end user of the owner registered as their own (decision 0020), the
 *                        user's id within the owner (in hex if it is not one), and endUserAccount the
 *                        user's account, which alone grants it and records its receipts; null (left out
 *                        of JSON) for an organization's DT
 */
public record TokenView(String dt, int level, String owner, String kind, Long registeredBlock, String txHash,
                        Instant registeredAt, String registeredBy, String endUser, String endUserAccount) {
}
