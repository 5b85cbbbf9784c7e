package io.datatoken.domain.market;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

import io.datatoken.domain.organization.OrganizationAlias;

/**
 * A task as the {@link TaskMarketLedger} records it: a need posted by a data-user organization.
 *
 * @param closedAt when it was closed, or {@code null} while open
 */
public record Task(TaskId id, OrganizationAlias owner, String description, boolean open, Instant createdAt,
                   Instant closedAt) {

    public static final int MAX_DESCRIPTION_BYTES = 1024;

    public Task {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(createdAt, "createdAt");
        requireDescription(description);
    }

    /** Checks a description as the ledger will: not blank, at most 1024 UTF-8 bytes. */
    public static void requireDescription(String description) {
        Objects.requireNonNull(description, "description");
        if (description.isBlank()) {
            throw new IllegalArgumentException("a task description must not be blank");
        }
        int bytes = description.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_DESCRIPTION_BYTES) {
            throw new IllegalArgumentException("a task description has " + bytes + " bytes; at most "
                    + MAX_DESCRIPTION_BYTES);
        }
    }
}
