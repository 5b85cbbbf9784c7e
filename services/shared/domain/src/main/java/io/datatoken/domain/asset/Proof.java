package io.datatoken.domain.asset;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The proof of a DDO as recorded on chain: the sha-256 of its canonical form (RFC 8785), written
 * as {@code 0x} + 64 lower-case hex digits.
 */
public record Proof(String value) {

    public Proof {
        Objects.requireNonNull(value, "proof");
        if (!Hex32.isWellFormed(value)) {
            throw new IllegalArgumentException("proof '" + value + "' must be 0x followed by 64 lower-case hex digits");
        }
    }

    public static Proof of(String value) {
        return new Proof(value);
    }

    /** The proof of a document already in canonical form. */
    public static Proof sha256Of(byte[] canonical) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical);
            return new Proof("0x" + HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
