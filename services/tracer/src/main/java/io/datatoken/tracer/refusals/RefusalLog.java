package io.datatoken.tracer.refusals;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Reads the refusals the compute nodes reported: a DT's, an organization's, one by its id. */
@ApplicationScoped
public class RefusalLog {

    /** The most {@link #ofOrganization} returns at once. */
    public static final int MAX_LIMIT = 1000;

    private static final String COLUMNS = "select cast(id as varchar), reporter_org, signer, job, dt, op, code, "
            + "detail, refused_at, received_at from refusal ";

    @PersistenceContext(unitName = "tracer")
    EntityManager entities;

    /** Every refusal reported for the DT, in the order the nodes refused them (newest last). */
    @Transactional
    public List<RefusalView> ofDataToken(String dt) {
        return views(entities.createNativeQuery(COLUMNS + "where dt = ?1 order by refused_at, id")
                .setParameter(1, dt.toLowerCase(Locale.ROOT)));
    }

    /**
     * The latest refusals the organization's nodes reported (newest first), at most {@code limit}
     * ({@code 1} to {@link #MAX_LIMIT}); only those refused before {@code before} if it is given, to read
     * on from the last one of a previous page.
     */
    @Transactional
    public List<RefusalView> ofOrganization(String orgAlias, int limit, Instant before) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", not " + limit);
        }
        Query query = before == null
                ? entities.createNativeQuery(COLUMNS + "where reporter_org = ?1 order by refused_at desc, id desc")
                : entities.createNativeQuery(COLUMNS + "where reporter_org = ?1 and refused_at < ?2 "
                        + "order by refused_at desc, id desc")
                        .setParameter(2, OffsetDateTime.ofInstant(before, ZoneOffset.UTC));
        return views(query.setParameter(1, orgAlias).setMaxResults(limit));
    }

    /**
     * The audit's refusals, newest first: those the organization's nodes reported and those of requests for
     * the organization's jobs (every organization's when empty), at most {@code limit}, refused before
     * {@code before} if given.
     */
    @Transactional
    public List<RefusalView> concerning(Optional<String> orgAlias, int limit, Instant before) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", not " + limit);
        }
        List<Object> values = new ArrayList<>();
        StringBuilder where = new StringBuilder("where true ");
        orgAlias.ifPresent(org -> {
            values.add(org);
            where.append("and (reporter_org = ?1 or job in (select j.job from job j where j.owner_org = ?1)) ");
        });
        if (before != null) {
            values.add(OffsetDateTime.ofInstant(before, ZoneOffset.UTC));
            where.append("and refused_at < ?").append(values.size()).append(' ');
        }
        Query query = entities.createNativeQuery(COLUMNS + where + "order by refused_at desc, id desc");
        for (int i = 0; i < values.size(); i++) {
            query.setParameter(i + 1, values.get(i));
        }
        return views(query.setMaxResults(limit));
    }

    /** The refusal the organization reported under the node's id. */
    @Transactional
    public Optional<RefusalView> find(String orgAlias, UUID id) {
        return views(entities.createNativeQuery(COLUMNS + "where reporter_org = ?1 and id = cast(?2 as uuid)")
                .setParameter(1, orgAlias).setParameter(2, id.toString())).stream().findFirst();
    }

    private static List<RefusalView> views(Query query) {
        List<?> rows = query.getResultList();
        return rows.stream().map(row -> (Object[]) row).map(row -> new RefusalView((String) row[0], (String) row[1],
                (String) row[2], (String) row[3], (String) row[4], (String) row[5], (String) row[6], (String) row[7],
                instant(row[8]), instant(row[9]))).toList();
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
