package io.datatoken.tracer.workflow;

/**
 * A composition's metadata event whose document is still to read: where the document is and the proof
 * that vouches for it, as the event carries them (unchecked).
 *
 * @param attempts reads of it tried so far
 */
public record MetadataPointer(String txHash, int logIndex, String dt, String storagePath, String proof,
                              int attempts) {
}
