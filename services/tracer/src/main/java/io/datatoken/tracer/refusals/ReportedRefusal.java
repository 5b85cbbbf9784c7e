package io.datatoken.tracer.refusals;

import io.datatoken.domain.market.JobId;
import io.datatoken.domain.op.OpHash;
import io.datatoken.domain.token.DataTokenId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A refusal as a compute node reports it: its own id for it, the job (null when the request named
 * none the node could use), the DT, the op (null when none was named), the refusal code(s), the
 * node's words and when it refused. The node signs {@link #signedBytes} with its chain account
 * (EIP-191, as node-to-node transfers): every field on a line of its own, the detail by its sha-256.
 *
 * <p>The compute node builds the same text (its {@code refusals.Refusal}); both sides' tests hold it
 * to the same example, so a change on one side fails there.
 *
 * @param code one or more refusal codes ({@code job-not-running}, {@code replayed}, …), several
 *             separated by one space as the node's audit trail lists them
 */
public record ReportedRefusal(UUID id, JobId job, DataTokenId dt, OpHash op, String code, String detail,
                              Instant refusedAt) {

    public static final String SIGNED_TEXT_VERSION = "datatoken-refusal/1";
    public static final int MAX_CODE = 256;
    public static final int MAX_DETAIL = 4000;

    private static final String CODE_WORD = "[a-z0-9]+(?:-[a-z0-9]+)*";
    private static final Pattern CODES = Pattern.compile(CODE_WORD + "(?: " + CODE_WORD + ")*");

    public ReportedRefusal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(dt, "dt");
        if (code == null || code.length() > MAX_CODE || !CODES.matcher(code).matches()) {
            throw new IllegalArgumentException("'code' must be one or more refusal codes such as 'job-not-running' "
                    + "(lower-case letters and digits joined by '-', several separated by one space, at most "
                    + MAX_CODE + " characters), not " + (code == null ? "absent" : "'" + code + "'"));
        }
        if (detail == null || detail.length() > MAX_DETAIL) {
            throw new IllegalArgumentException("'detail' must be the node's words on the refusal, at most " + MAX_DETAIL
                    + " characters" + (detail == null ? "; it is absent" : "; it has " + detail.length()));
        }
        Objects.requireNonNull(refusedAt, "refusedAt");
        if (refusedAt.getNano() % 1_000 != 0) {
            throw new IllegalArgumentException("'refusedAt' " + refusedAt + " has more than microsecond precision, "
                    + "which the tracer cannot keep: send it to the microsecond at most");
        }
    }

    /** What the node signs. */
    public byte[] signedBytes() {
        return String.join("\n", SIGNED_TEXT_VERSION, id.toString(), job == null ? "" : job.value(), dt.value(),
                op == null ? "" : op.value(), code, sha256(detail), refusedAt.toString())
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The hash of {@link #signedBytes}: two reports of one id are the same refusal iff their hashes are equal. */
    public String contentHash() {
        return sha256(signedBytes());
    }

    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] bytes) {
        try {
            return "0x" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }
}
