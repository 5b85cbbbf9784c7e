package io.datatoken.portal.services;

import java.time.Instant;

/**
 * A party's execution receipt: its op ran on its DT for a job, with this result.
 *
 * @param party      the organization owning the DT, which recorded it
 * @param recordedBy the account that recorded it (the party's compute node)
 */
public record Receipt(String job, String dt, String op, String resultHash, String party, long blockNumber,
                      String txHash, int logIndex, Instant recordedAt, String recordedBy) {
}
