package io.datatoken.compute.runs;

import io.datatoken.domain.market.JobId;
import io.datatoken.domain.token.DataTokenId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What one node sends another for a job: a payload of its kind (a ring matrix, {@link RingMatrices},
 * or an op's JSON message) from the sending asset's run to the receiving asset, in a training round
 * for the kinds that have rounds (1 first; 0 for the others), signed by the sending node's chain
 * account over {@link #signedBytes}.
 */
public record Transfer(JobId job, DataTokenId from, DataTokenId to, RunInput.Kind kind, int round, String payload,
                       String signature) {

    /** What the sender signs: every field, the payload by its hash. */
    public byte[] signedBytes() {
        return signedBytes(job, from, to, kind, round, payloadHash());
    }

    public String payloadHash() {
        return sha256(payload);
    }

    /** The kind line carries the round as {@code KIND/round} when there is one, so round 0 signs as before rounds. */
    public static byte[] signedBytes(JobId job, DataTokenId from, DataTokenId to, RunInput.Kind kind, int round,
                                     String payloadHash) {
        return String.join("\n", "datatoken-transfer/1", job.value(), from.value(), to.value(),
                round == 0 ? kind.name() : kind.name() + "/" + round, payloadHash).getBytes(StandardCharsets.UTF_8);
    }

    public static String sha256(String text) {
        try {
            return "0x" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256", e);
        }
    }
}
