package io.datatoken.tracer.lineage;

import java.time.Instant;

/**
 * A DT an end user registered as their own (decision 0020), as the index holds it.
 *
 * @param kind            DATA (the only kind an end user registers)
 * @param registeredBlock the block of its TokenRegistered event, and txHash its transaction
 * @param registeredAt    the time of that block
 * @param jobs            how many jobs recorded a receipt naming the DT: the jobs that ran an op on it
 * @param lastUsedAt      the time of the block of the newest such receipt; null (left out of JSON) if none
 */
public record OwnTokenView(String dt, String kind, long registeredBlock, String txHash, Instant registeredAt, int jobs,
                           Instant lastUsedAt) {
}
