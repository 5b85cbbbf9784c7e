package io.datatoken.tracer.lineage;

/**
 * A party's execution receipt: its op ran on its DT for a job, with this result.
 *
 * @param party the organization owning the DT, which recorded the receipt
 */
public record ReceiptView(String job, String dt, String op, String resultHash, String party, long blockNumber,
                         String txHash, int logIndex) {
}
