package io.datatoken.tracer.index;

/**
 * The chain no longer holds the applied cursor nor any of the kept block hashes: the index cannot find
 * the fork point by itself and must be rebuilt from an empty schema.
 */
public class ReorganizationTooDeep extends IllegalStateException {

    public ReorganizationTooDeep(AppliedBlock cursor) {
        super("the chain was reorganized below every kept block hash (cursor " + cursor.number() + " "
                + cursor.hash() + "); rebuild the index");
    }
}
