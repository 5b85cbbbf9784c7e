package io.datatoken.domain.content;

/**
 * Where documents live, addressed by their content. Implementations must treat the store behind
 * them as untrusted: every byte read back is checked against its {@link Cid}.
 */
public interface ContentStore {

    /**
     * Largest document accepted: 256 KiB, the IPFS chunk size, so a document is always one raw
     * block and its CID can be recomputed from its bytes alone.
     */
    int MAX_CONTENT_BYTES = 256 * 1024;

    /**
     * Stores a document and returns its CID (always {@link Cid#of(byte[])} of the content).
     *
     * @throws ContentTooLarge if the content exceeds {@link #MAX_CONTENT_BYTES}, before anything is sent
     * @throws ContentTampered if the store answers with another CID
     * @throws ContentStoreUnavailable if the store cannot be reached or fails
     */
    Cid put(byte[] content);

    /**
     * Reads a document back, verified against its CID.
     *
     * @throws ContentNotFound if the store does not hold it
     * @throws ContentTampered if the bytes returned are not the ones the CID names
     * @throws ContentStoreUnavailable if the store cannot be reached or fails
     */
    byte[] get(Cid cid);

    /** Whether the store holds the document. */
    boolean contains(Cid cid);

    /** Checks the size limit; implementations call it before sending anything. */
    static void requireWithinLimit(byte[] content) {
        if (content.length > MAX_CONTENT_BYTES) {
            throw new ContentTooLarge(content.length, MAX_CONTENT_BYTES);
        }
    }
}
