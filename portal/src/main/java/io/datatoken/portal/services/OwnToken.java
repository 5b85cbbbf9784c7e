package io.datatoken.portal.services;

import java.time.Instant;

/**
 * A DT an end user registered as their own, as the tracer's index holds it.
 *
 * @param jobs       how many jobs ran an op on it (recorded a receipt naming it)
 * @param lastUsedAt when the last of them did; null if none did
 */
public record OwnToken(String dt, String kind, long registeredBlock, String txHash, Instant registeredAt, int jobs,
                       Instant lastUsedAt) {
}
