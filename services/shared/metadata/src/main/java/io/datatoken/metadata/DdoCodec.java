package io.datatoken.metadata;

import io.datatoken.domain.asset.Ddo;
import io.datatoken.domain.asset.InvalidDdo;
import io.datatoken.domain.asset.Proof;

/**
 * DDOs to and from bytes. Writers store {@link #canonicalBytes} and record {@link #proofOf} them on
 * chain; readers {@link #parse} (which validates first) or, better, go through {@link DdoVerifier}.
 */
public final class DdoCodec {

    private final DdoValidator validator;

    public DdoCodec() {
        this(new DdoValidator());
    }

    public DdoCodec(DdoValidator validator) {
        this.validator = validator;
    }

    /** The document in RFC 8785 canonical form, UTF-8: the bytes to store and to hash. */
    public byte[] canonicalBytes(Ddo ddo) {
        return CanonicalJson.canonicalize(DdoJson.toTree(ddo));
    }

    /**
     * Reads a document, validating it before anything else.
     *
     * @throws InvalidDdo naming every violation when the bytes are not a valid DDO
     */
    public Ddo parse(byte[] json) {
        DdoValidator.Checked checked = validator.check(json);
        if (!checked.violations().isEmpty()) {
            throw new InvalidDdo(checked.violations());
        }
        return checked.ddo();
    }

    /** The proof of a document already in canonical form: its sha-256. */
    public Proof proofOf(byte[] canonical) {
        return Proof.sha256Of(canonical);
    }

    /** The proof of a DDO: the sha-256 of its canonical form. */
    public Proof proofOf(Ddo ddo) {
        return proofOf(canonicalBytes(ddo));
    }
}
