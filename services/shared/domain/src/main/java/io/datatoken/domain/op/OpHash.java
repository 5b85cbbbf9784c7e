package io.datatoken.domain.op;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.datatoken.domain.ledger.Bytes32Hex;

/** The sha-256 of an op's code package, {@code 0x} + 64 lower-case hex digits: the op's identity. */
public record OpHash(String value) {

    public OpHash {
        value = Bytes32Hex.require(value, "op hash");
    }

    public static OpHash of(String value) {
        return new OpHash(value);
    }

    /** The hash of a code package's bytes. */
    public static OpHash sha256Of(byte[] codePackage) {
        try {
            return new OpHash("0x" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(codePackage)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
