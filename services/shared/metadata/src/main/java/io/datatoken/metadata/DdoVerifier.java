package io.datatoken.metadata;

import io.datatoken.domain.asset.Ddo;
import io.datatoken.domain.asset.DdoTampered;
import io.datatoken.domain.asset.InvalidDdo;
import io.datatoken.domain.asset.Proof;

/**
 * What every reader of a DDO calls on the bytes read from the content store (whose CID the content
 * adapter has already checked): the document must be valid and hash to the proof the chain records.
 */
public final class DdoVerifier {

    private final DdoCodec codec;

    public DdoVerifier() {
        this(new DdoCodec());
    }

    public DdoVerifier(DdoCodec codec) {
        this.codec = codec;
    }

    /**
     * Returns the DDO the bytes hold once it is proven to be the one the chain vouches for.
     *
     * @throws InvalidDdo   if the bytes are not a valid DDO
     * @throws DdoTampered  if its canonical form does not hash to {@code expected}
     */
    public Ddo verify(byte[] content, Proof expected) {
        Ddo ddo = codec.parse(content);
        Proof actual = codec.proofOf(codec.canonicalBytes(ddo));
        if (!actual.equals(expected)) {
            throw new DdoTampered(expected, actual);
        }
        return ddo;
    }

    /**
     * A document not registered yet (a composition being drafted): all that can be checked is that
     * it is a valid DDO; no proof vouches for it.
     *
     * @throws InvalidDdo if the bytes are not a valid DDO
     */
    public Ddo draft(byte[] content) {
        return codec.parse(content);
    }
}
