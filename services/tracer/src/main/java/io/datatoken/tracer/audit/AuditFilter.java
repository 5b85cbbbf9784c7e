package io.datatoken.tracer.audit;

import java.time.Instant;
import java.util.Optional;

/**
 * Which events an audit page holds: those concerning an organization (every one's when empty), naming a
 * DT or an account (as sender or in a field), of an event name, in a time range [since, until), older
 * than a cursor; at most {@code limit}.
 */
public record AuditFilter(Optional<String> organization, Optional<String> dt, Optional<String> account,
                          Optional<String> event, Optional<Instant> since, Optional<Instant> until,
                          Optional<AuditCursor> before, int limit) {

    public static final int MAX_LIMIT = 10_000;

    public AuditFilter {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", not " + limit);
        }
    }

    /** Every event, newest first, this many. */
    public static AuditFilter newest(int limit) {
        return new AuditFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), limit);
    }

    public AuditFilter of(String organization) {
        return new AuditFilter(Optional.of(organization), dt, account, event, since, until, before, limit);
    }

    public AuditFilter before(AuditCursor cursor) {
        return new AuditFilter(organization, dt, account, event, since, until, Optional.of(cursor), limit);
    }
}
