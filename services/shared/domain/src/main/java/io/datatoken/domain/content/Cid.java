package io.datatoken.domain.content;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Objects;

/**
 * The IPFS content identifier of a document kept in one raw block: CIDv1, codec {@code raw},
 * multihash sha2-256, written in multibase base32 lower case ({@code bafkrei…}). It is a pure
 * function of the bytes, so whoever holds the bytes can check them against the CID without a node.
 */
public record Cid(String value) {

    /** CIDv1 (0x01), codec raw (0x55), multihash sha2-256 (0x12) with a 32-byte digest (0x20). */
    private static final byte[] PREFIX = {0x01, 0x55, 0x12, 0x20};
    private static final int DIGEST_BYTES = 32;
    private static final char MULTIBASE_BASE32 = 'b';
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
    /** 'b' + base32 (unpadded) of 36 bytes = 1 + 58 characters. */
    private static final int LENGTH = 1 + (8 * (PREFIX.length + DIGEST_BYTES) + 4) / 5;

    public Cid {
        Objects.requireNonNull(value, "cid");
        if (value.length() != LENGTH || value.charAt(0) != MULTIBASE_BASE32) {
            throw new IllegalArgumentException("'" + value + "' is not a CIDv1 raw sha2-256 in base32 (b + 58 characters, bafkrei…)");
        }
        byte[] bytes = decodeBase32(value, 1);
        if (!Arrays.equals(bytes, 0, PREFIX.length, PREFIX, 0, PREFIX.length)) {
            throw new IllegalArgumentException("'" + value + "' is not a CIDv1 with raw codec and sha2-256 multihash (bafkrei…)");
        }
    }

    /** Parses and validates a CID from its text form; throws {@link IllegalArgumentException} otherwise. */
    public static Cid parse(String value) {
        return new Cid(value);
    }

    /** Computes the CID of a document stored as one raw block. */
    public static Cid of(byte[] content) {
        Objects.requireNonNull(content, "content");
        byte[] bytes = Arrays.copyOf(PREFIX, PREFIX.length + DIGEST_BYTES);
        System.arraycopy(sha256(content), 0, bytes, PREFIX.length, DIGEST_BYTES);
        return new Cid(MULTIBASE_BASE32 + encodeBase32(bytes));
    }

    /** Whether these bytes are exactly the ones this CID names. */
    public boolean matches(byte[] content) {
        return equals(of(content));
    }

    @Override
    public String toString() {
        return value;
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }

    /** RFC 4648 base32, lower case, no padding: what multibase 'b' means. */
    private static String encodeBase32(byte[] bytes) {
        StringBuilder text = new StringBuilder((bytes.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                text.append(ALPHABET.charAt((buffer >>> (bits - 5)) & 0x1f));
                bits -= 5;
            }
        }
        if (bits > 0) {
            text.append(ALPHABET.charAt((buffer << (5 - bits)) & 0x1f));
        }
        return text.toString();
    }

    private static byte[] decodeBase32(String text, int from) {
        byte[] bytes = new byte[(text.length() - from) * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int index = 0;
        for (int i = from; i < text.length(); i++) {
            int digit = ALPHABET.indexOf(text.charAt(i));
            if (digit < 0) {
                throw new IllegalArgumentException("'" + text + "' has '" + text.charAt(i) + "', which is not a lower-case base32 digit");
            }
            buffer = (buffer << 5) | digit;
            bits += 5;
            if (bits >= 8) {
                bytes[index++] = (byte) (buffer >>> (bits - 8));
                bits -= 8;
            }
        }
        return bytes;
    }
}
