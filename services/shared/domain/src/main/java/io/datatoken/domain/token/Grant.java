package io.datatoken.domain.token;

import java.time.Instant;
import java.util.Objects;

/**
 * The authorization of {@code parent} to use {@code child}, given by the child's owner.
 *
 * @param expiresAt when it lapses, or {@code null} for never
 */
public record Grant(DataTokenId child, DataTokenId parent, Instant grantedAt, Instant expiresAt, boolean revoked) {

    public Grant {
        Objects.requireNonNull(child, "child");
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(grantedAt, "grantedAt");
    }

    /** Not revoked and not expired at {@code now} (the ledger compares with its block time). */
    public boolean isLiveAt(Instant now) {
        return !revoked && (expiresAt == null || now.isBefore(expiresAt));
    }
}
