package io.datatoken.tracer.lineage;

import io.datatoken.domain.token.DataTokenId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Lineage and usage of a DT from the index's projections: one recursive walk over lineage_edge,
 * bounded in depth, which each query below starts with. The chain bounds a composition's depth
 * ({@link #MAX_DEPTH} is above it) and keeps edges acyclic (children exist before their parent), so
 * the bound is what stops an upward walk over a much used DT, never a cycle.
 */
@ApplicationScoped
public class LineageQueries {

    public static final int DEFAULT_DEPTH = 10;
    public static final int MAX_DEPTH = 32;

    @PersistenceContext(unitName = "tracer")
    EntityManager entities;

    /** The DT's lineage; empty if the index holds no registration of it. */
    @Transactional
    public Optional<LineageView> lineage(DataTokenId dt, Direction direction, int depth) {
        requireDepth(depth);
        return token(dt).map(token -> new LineageView(dt.value(), direction.name().toLowerCase(Locale.ROOT), depth,
                truncated(dt, direction, depth), token, reached(dt, direction, depth), edges(dt, direction, depth),
                direction == Direction.UP ? jobs(dt, depth) : List.of()));
    }

    /** The DT's usage; empty if the index holds no registration of it. */
    @Transactional
    public Optional<UsageView> usage(DataTokenId dt) {
        return token(dt).map(token -> new UsageView(dt.value(), token, reached(dt, Direction.UP, MAX_DEPTH),
                jobs(dt, MAX_DEPTH), receipts(dt), grants(dt)));
    }

    private static void requireDepth(int depth) {
        if (depth < 1 || depth > MAX_DEPTH) {
            throw new IllegalArgumentException("depth must be 1 to " + MAX_DEPTH + ", not " + depth);
        }
    }

    private Optional<TokenView> token(DataTokenId dt) {
        return select("select dt, 0, owner_org, kind, registered_block, tx_hash from token where dt = ?1", dt, 0,
                LineageQueries::tokenView).stream().findFirst();
    }

    /**
     * The walk from ?1 to depth ?2: walk (every edge along every path, with its level), edge (each
     * edge once at its shortest level) and node (each DT reached once, at its shortest level). UNION,
     * not UNION ALL: a DT reached again at a level already walked is not walked again.
     */
    private static String walk(Direction direction) {
        return "with recursive walk(parent, child, level) as ("
                + "select parent, child, 1 from lineage_edge where " + direction.from + " = ?1 "
                + "union select e.parent, e.child, w.level + 1 from lineage_edge e "
                + "join walk w on e." + direction.from + " = w." + direction.to + " where w.level < ?2), "
                + "edge as (select parent, child, min(level) as level from walk group by parent, child), "
                + "node as (select " + direction.to + " as dt, min(level) as level from edge group by " + direction.to + ") ";
    }

    private List<TokenView> reached(DataTokenId dt, Direction direction, int depth) {
        return select(walk(direction) + "select n.dt, n.level, t.owner_org, t.kind, t.registered_block, t.tx_hash "
                + "from node n left join token t on t.dt = n.dt order by n.level, n.dt", dt, depth, LineageQueries::tokenView);
    }

    private List<EdgeView> edges(DataTokenId dt, Direction direction, int depth) {
        return select(walk(direction) + "select e.parent, e.child, e.level, g.change, g.expires_at, g.by_account, "
                + "g.block_number, g.tx_hash from edge e left join lateral (select * from grant_change c "
                + "where c.child = e.child and c.parent = e.parent order by c.block_number desc, c.log_index desc "
                + "limit 1) g on true order by e.level, e.parent, e.child", dt, depth, row -> new EdgeView(
                (String) row[0], (String) row[1], integer(row[2]),
                row[3] == null ? null : new GrantView((String) row[1], (String) row[0], (String) row[3],
                        nullableLong(row[4]), (String) row[5], longValue(row[6]), (String) row[7])));
    }

    private boolean truncated(DataTokenId dt, Direction direction, int depth) {
        return select(walk(direction) + "select exists (select 1 from lineage_edge e join node n on e."
                + direction.from + " = n.dt where n.level = ?2)", dt, depth, row -> (Boolean) row[0]).getFirst();
    }

    /**
     * Jobs whose algorithm is the DT or a composition up to depth above it, with their last state. One
     * {@code in (… union all …)} rather than {@code = ?1 or in (…)}: the {@code or} keeps PostgreSQL
     * from using the job_algorithm index (a scan of every job per call; see bench/trace.mjs).
     */
    private List<JobView> jobs(DataTokenId dt, int depth) {
        return select(walk(Direction.UP) + "select j.job, j.task, j.algorithm, j.owner_org, s.to_state, "
                + "j.submitted_block, s.block_number, j.tx_hash from job j left join lateral (select to_state, "
                + "block_number from job_state_change c where c.job = j.job order by c.block_number desc, "
                + "c.log_index desc limit 1) s on true where j.algorithm in (select cast(?1 as varchar) union all select dt from node) "
                + "order by j.submitted_block, j.job", dt, depth, row -> new JobView((String) row[0], (String) row[1],
                (String) row[2], (String) row[3], (String) row[4], longValue(row[5]), nullableLong(row[6]),
                (String) row[7]));
    }

    /** Receipts naming the DT, and every receipt of the jobs that used it. */
    private List<ReceiptView> receipts(DataTokenId dt) {
        return select(walk(Direction.UP) + "select u.job, u.dt, u.op, u.result_hash, u.party_org, u.block_number, "
                + "u.tx_hash, u.log_index from usage u where u.dt = ?1 or u.job in (select j.job from job j "
                + "where j.algorithm in (select cast(?1 as varchar) union all select dt from node)) "
                + "order by u.block_number, u.log_index", dt, MAX_DEPTH, row -> new ReceiptView((String) row[0],
                (String) row[1], (String) row[2], (String) row[3], (String) row[4], longValue(row[5]),
                (String) row[6], integer(row[7])));
    }

    /** Grants and revocations of the DT's use by its parents. */
    private List<GrantView> grants(DataTokenId dt) {
        return select("select child, parent, change, expires_at, by_account, block_number, tx_hash from grant_change "
                + "where child = ?1 order by block_number, log_index", dt, 0, row -> new GrantView(
                (String) row[0], (String) row[1], (String) row[2], nullableLong(row[3]), (String) row[4],
                longValue(row[5]), (String) row[6]));
    }

    /** Runs a query with the DT as ?1 and the depth as ?2 (if it has one), mapping each row. */
    private <T> List<T> select(String sql, DataTokenId dt, int depth, Function<Object[], T> mapping) {
        Query query = entities.createNativeQuery(sql).setParameter(1, dt.value());
        if (sql.contains("?2")) {
            query.setParameter(2, depth);
        }
        List<?> rows = query.getResultList();
        return rows.stream().map(row -> row instanceof Object[] columns ? columns : new Object[] {row})
                .map(mapping).toList();
    }

    private static TokenView tokenView(Object[] row) {
        return new TokenView((String) row[0], integer(row[1]), (String) row[2], (String) row[3], nullableLong(row[4]),
                (String) row[5]);
    }

    private static int integer(Object value) {
        return ((Number) value).intValue();
    }

    private static long longValue(Object value) {
        return ((Number) value).longValue();
    }

    private static Long nullableLong(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }
}
