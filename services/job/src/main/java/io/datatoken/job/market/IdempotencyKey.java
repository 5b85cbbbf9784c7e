package io.datatoken.job.market;

import io.datatoken.domain.market.JobId;
import io.datatoken.domain.market.TaskId;
import io.datatoken.domain.organization.OrganizationAlias;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A client's {@code Idempotency-Key} for a POST that puts something on chain. The same key from the same
 * organization always names the same task or job id, so a retried request finds what the first one posted
 * and never posts twice: the chain itself refuses a second task or job with an id it has
 * ({@code TaskExists}, {@code JobExists}), whatever this service's database missed meanwhile.
 */
public record IdempotencyKey(String value) {

    public static final String HEADER = "Idempotency-Key";
    static final int MAX_LENGTH = 255;

    public IdempotencyKey {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH
                || !value.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw new IllegalArgumentException("an " + HEADER + " is 1 to " + MAX_LENGTH + " visible ASCII characters "
                    + "(a fresh UUID per new task or job, the same one when retrying it)");
        }
    }

    /** The header's key, if sent; quotes around it (a structured-field string) are not part of it. */
    public static Optional<IdempotencyKey> ofHeader(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String value = header.length() >= 2 && header.startsWith("\"") && header.endsWith("\"")
                ? header.substring(1, header.length() - 1) : header;
        return Optional.of(new IdempotencyKey(value));
    }

    TaskId taskId(OrganizationAlias organization) {
        return TaskId.of(derive("task", organization));
    }

    JobId jobId(OrganizationAlias organization) {
        return JobId.of(derive("job", organization));
    }

    /** sha-256 over kind, organization and key, each ended by a zero byte: no two triples share an id. */
    private String derive(String kind, OrganizationAlias organization) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {"datatoken/" + kind + "/v1", organization.value(), value}) {
                sha256.update(part.getBytes(StandardCharsets.UTF_8));
                sha256.update((byte) 0);
            }
            return "0x" + HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
