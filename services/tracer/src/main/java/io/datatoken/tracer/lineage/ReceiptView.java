package io.datatoken.tracer.lineage;

import java.time.Instant;

/**
 * A party's execution receipt: its op ran on its DT for a job, with this result.
 *
 * @param party      the organization owning the DT, which recorded the receipt
 * @param recordedAt the time of the block it was recorded in
 * @param recordedBy the account that recorded it (its transaction's sender: the party's compute node)
 */
public record ReceiptView(String job, String dt, String op, String resultHash, String party, long blockNumber,
                         String txHash, int logIndex, Instant recordedAt, String recordedBy) {
}
