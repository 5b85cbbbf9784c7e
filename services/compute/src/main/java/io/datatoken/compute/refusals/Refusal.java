package io.datatoken.compute.refusals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;

/**
 * A refusal of this node as it reports it to the tracer: its id (for an execution request, the
 * request's id in the node's audit trail), the job and op the refused request named (null if none),
 * the DT, the refusal code(s), the node's words and when it refused. The node signs
 * {@link #signedBytes} with its chain account (EIP-191), as it signs transfers: the tracer keeps the
 * refusal only if that account acts for the DT's owner.
 *
 * <p>The tracer builds the same text (its {@code refusals.ReportedRefusal}); both sides' tests hold
 * it to the same example, so a change on one side fails there.
 *
 * @param code one or more refusal codes, several separated by one space (as the audit trail lists them)
 */
public record Refusal(UUID id, String job, String dt, String op, String code, String detail, Instant refusedAt) {

    public static final String SIGNED_TEXT_VERSION = "datatoken-refusal/1";
    /** The most of a detail the tracer takes; a longer one is cut (and signed as cut). */
    public static final int MAX_DETAIL = 4000;
    /** This refusal names an asset of another organization: the tracer takes a DT's refusals from its owner only. */
    static final String NOT_THIS_NODES_ASSET = "not-this-nodes-asset";

    public Refusal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(dt, "dt");
        Objects.requireNonNull(code, "code");
        detail = Objects.requireNonNull(detail, "detail").length() > MAX_DETAIL
                ? detail.substring(0, MAX_DETAIL - 1) + "…" : detail;
        refusedAt = refusedAt.truncatedTo(ChronoUnit.MICROS);
    }

    /** What the node signs: every field on a line of its own (an absent one empty), the detail by its sha-256. */
    public byte[] signedBytes() {
        return String.join("\n", SIGNED_TEXT_VERSION, id.toString(), job == null ? "" : job, dt, op == null ? "" : op,
                code, sha256(detail), refusedAt.toString()).getBytes(StandardCharsets.UTF_8);
    }

    /** Whether the tracer can take it: not if it names another organization's asset (only its owner's nodes report). */
    public boolean reportable() {
        return !Arrays.asList(code.split(" ")).contains(NOT_THIS_NODES_ASSET);
    }

    static String sha256(String text) {
        try {
            return "0x" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }
}
