package io.datatoken.domain.op;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

import io.datatoken.domain.content.Cid;

/**
 * A trusted op as the {@link OpLedger} records it. A (name, version) pair names one code package;
 * a deprecated op stays readable (past receipts name it) but may not be used any more.
 *
 * @param name    1-64 bytes (UTF-8), e.g. {@code psi-intersection}
 * @param version 1-32 bytes (UTF-8), e.g. {@code 1.2.0}
 * @param codeCid where the code package is stored; its bytes hash to {@code opHash}
 */
public record TrustedOp(OpHash opHash, String name, String version, Cid codeCid, boolean deprecated,
                        Instant publishedAt) {

    public static final int MAX_NAME_BYTES = 64;
    public static final int MAX_VERSION_BYTES = 32;

    public TrustedOp {
        Objects.requireNonNull(opHash, "opHash");
        Objects.requireNonNull(codeCid, "codeCid");
        Objects.requireNonNull(publishedAt, "publishedAt");
        requireText("name", name, MAX_NAME_BYTES);
        requireText("version", version, MAX_VERSION_BYTES);
    }

    public boolean usable() {
        return !deprecated;
    }

    /** Checks an op name or version as the ledger will: not blank, at most {@code max} UTF-8 bytes. */
    public static void requireText(String field, String value, int max) {
        Objects.requireNonNull(value, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException("op " + field + " must not be blank");
        }
        int bytes = value.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > max) {
            throw new IllegalArgumentException("op " + field + " has " + bytes + " bytes; at most " + max);
        }
    }
}
