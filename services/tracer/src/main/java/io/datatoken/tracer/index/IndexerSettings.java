package io.datatoken.tracer.index;

/**
 * How the indexer follows the chain.
 *
 * @param confirmations blocks below the head that may still be reorganized, hence never applied
 *                      (the service reads it from {@code datatoken.tracer.confirmations}, default 2)
 * @param batchBlocks   blocks applied per transaction ({@code datatoken.tracer.batch-blocks}, default 500)
 * @param keptBlocks    hashes of the last applied blocks kept to find a fork point: the deepest
 *                      reorganization the index can undo by itself
 */
public record IndexerSettings(int confirmations, int batchBlocks, int keptBlocks) {

    public static final IndexerSettings DEFAULTS = new IndexerSettings(2, 500, 64);

    public IndexerSettings {
        if (confirmations < 0 || batchBlocks < 1 || keptBlocks < 1) {
            throw new IllegalArgumentException("confirmations >= 0, batch-blocks >= 1 and kept blocks >= 1 expected");
        }
    }
}
