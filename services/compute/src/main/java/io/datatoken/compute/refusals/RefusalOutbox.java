package io.datatoken.compute.refusals;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The node's refusals waiting for the tracer (table {@code refusal_report}). A refusal is added in the
 * transaction that records it, so none is recorded and lost; each is reported until the tracer keeps
 * it or gives its verdict.
 */
@ApplicationScoped
public class RefusalOutbox {

    /** Where a refusal is on its way to the tracer. */
    public enum State { PENDING, REPORTED, GAVE_UP }

    /** A refusal to report, and how often reporting it failed. */
    public record Pending(Refusal refusal, int attempts) {
    }

    @PersistenceContext(unitName = "compute")
    EntityManager entities;

    /**
     * Queues the refusal for the tracer, due at once; one the tracer cannot take (another organization's
     * asset) is not queued, nor one queued before.
     */
    @Transactional
    public void add(Refusal refusal) {
        if (!refusal.reportable()) {
            return;
        }
        // job and op may be null: typed in the statement, as a null parameter carries no type
        entities.createNativeQuery("insert into refusal_report (id, job, dt, op, code, detail, refused_at, state, "
                        + "attempts, next_attempt_at) values (cast(?1 as uuid), cast(?2 as varchar), ?3, "
                        + "cast(?4 as varchar), ?5, ?6, ?7, 'PENDING', 0, ?7) on conflict (id) do nothing")
                .setParameter(1, refusal.id().toString()).setParameter(2, refusal.job()).setParameter(3, refusal.dt())
                .setParameter(4, refusal.op()).setParameter(5, refusal.code()).setParameter(6, refusal.detail())
                .setParameter(7, utc(refusal.refusedAt()))
                .executeUpdate();
    }

    /** Pending refusals due at {@code now}, oldest first, at most {@code limit}. */
    @Transactional
    public List<Pending> due(Instant now, int limit) {
        List<?> rows = entities.createNativeQuery("select cast(id as varchar), job, dt, op, code, detail, refused_at, "
                        + "attempts from refusal_report where state = 'PENDING' and next_attempt_at <= ?1 "
                        + "order by refused_at, id")
                .setParameter(1, utc(now)).setMaxResults(limit).getResultList();
        return rows.stream().map(row -> (Object[]) row).map(row -> new Pending(new Refusal(
                UUID.fromString((String) row[0]), (String) row[1], (String) row[2], (String) row[3], (String) row[4],
                (String) row[5], instant(row[6])), ((Number) row[7]).intValue())).toList();
    }

    /** The tracer keeps it. */
    @Transactional
    public void reported(UUID id, Instant at) {
        entities.createNativeQuery("update refusal_report set state = 'REPORTED', reported_at = ?2, last_error = null "
                        + "where id = cast(?1 as uuid) and state = 'PENDING'")
                .setParameter(1, id.toString()).setParameter(2, utc(at)).executeUpdate();
    }

    /** Reporting failed for now: try again at {@code next}. */
    @Transactional
    public void retryAt(UUID id, Instant next, String error) {
        entities.createNativeQuery("update refusal_report set attempts = attempts + 1, next_attempt_at = ?2, "
                        + "last_error = ?3 where id = cast(?1 as uuid) and state = 'PENDING'")
                .setParameter(1, id.toString()).setParameter(2, utc(next)).setParameter(3, error).executeUpdate();
    }

    /** The tracer will never keep it: not reported again. */
    @Transactional
    public void gaveUp(UUID id, String verdict) {
        entities.createNativeQuery("update refusal_report set state = 'GAVE_UP', attempts = attempts + 1, "
                        + "last_error = ?2 where id = cast(?1 as uuid) and state = 'PENDING'")
                .setParameter(1, id.toString()).setParameter(2, verdict).executeUpdate();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** A timestamptz as the JDBC driver and Hibernate hand it over. */
    private static Instant instant(Object value) {
        return switch (value) {
            case Instant instant -> instant;
            case OffsetDateTime offset -> offset.toInstant();
            case Timestamp timestamp -> timestamp.toInstant();
            default -> throw new IllegalStateException("not a timestamp: " + value.getClass());
        };
    }
}
