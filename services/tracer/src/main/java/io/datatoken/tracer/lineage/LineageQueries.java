package io.datatoken.tracer.lineage;

import io.datatoken.domain.token.DataTokenId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Lineage and usage of a DT from the index's projections. Each call is one statement: one walk over
 * lineage_edge (see {@link #walk}), and rows of several kinds for everything the answer needs of the
 * DT and of what the walk reached (see {@link #answer}). The chain bounds a composition's depth
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
        List<String> rows = new ArrayList<>(List.of(SELF, TOKENS, EDGES, truncated(direction)));
        if (direction == Direction.UP) {
            rows.add(JOBS);
        }
        Answer answer = answer(dt, direction, depth, rows);
        return answer.self.map(token -> new LineageView(dt.value(), direction.name().toLowerCase(Locale.ROOT), depth,
                answer.truncated, token, answer.tokens, answer.edges, answer.jobs));
    }

    /** The DT's usage; empty if the index holds no registration of it. */
    @Transactional
    public Optional<UsageView> usage(DataTokenId dt) {
        Answer answer = answer(dt, Direction.UP, MAX_DEPTH, List.of(SELF, TOKENS, JOBS, RECEIPTS, GRANTS));
        return answer.self.map(token -> new UsageView(dt.value(), token, answer.tokens, answer.jobs, answer.receipts,
                answer.grants, List.of()));
    }

    private static void requireDepth(int depth) {
        if (depth < 1 || depth > MAX_DEPTH) {
            throw new IllegalArgumentException("depth must be 1 to " + MAX_DEPTH + ", not " + depth);
        }
    }

    /**
     * The walk from ?1 to depth ?2, breadth first, one row per level: the DTs first reached at that
     * level (reached), every DT reached so far (seen) and the edges walked to that level (two parallel
     * arrays, parent and child). Only the DTs first reached at a level are walked on from it, so each DT
     * is walked once, at its shortest level, and each edge once, at its shortest level (one more than
     * its start's): the answer of a walk along every path (UNION over edge and level, then the least
     * level of each), without walking again what a DAG reaches along several paths (on the bench's DAG
     * that walk read each edge ~3 times). Then edge (each edge walked, with its level) and node (each
     * DT reached, with its level).
     */
    private static String walk(Direction direction) {
        return "with recursive walk(level, reached, seen, parent, child) as ("
                + "select 0, array[cast(?1 as varchar)], array[cast(?1 as varchar)], cast(null as varchar[]), "
                + "cast(null as varchar[]) "
                + "union all select w.level + 1, next.reached, w.seen || next.reached, step.parent, step.child "
                + "from walk w cross join lateral (select array_agg(e.parent) as parent, array_agg(e.child) as child "
                + "from lineage_edge e where e." + direction.from + " = any(w.reached)) step "
                + "cross join lateral (select array(select unnest(step." + direction.to + ") except "
                + "select unnest(w.seen)) as reached) next where w.level < ?2 and step.parent is not null), "
                + "edge as (select w.level, e.parent, e.child from walk w cross join unnest(w.parent, w.child) "
                + "e(parent, child) where w.level > 0), "
                + "node as (select w.level, n.dt from walk w cross join unnest(w.reached) n(dt) where w.level > 0) ";
    }

    // Times and senders come from chain_event by the row's event key (left joins: every projected row has its
    // event, the foreign keys see to it; the bench's synthetic index holds events for tokens and jobs only).
    // The statement's rows, one select per kind, all of the same columns: (kind, k1, k2, s1 … s6, n1, n2, s7, n3),
    // ordered by kind, k1, k2, s1, s2 (the order of each list in the answer). The first one names and
    // types the columns.

    /**
     * The DT's own registration: 0, 0, dt, owner, kind, tx hash, end user, end user's account, registered
     * block, -, sender, time.
     */
    private static final String SELF = "select cast('dt' as varchar) as kind, cast(0 as bigint) as k1, "
            + "cast(0 as bigint) as k2, t.dt as s1, t.owner_org as s2, t.kind as s3, t.tx_hash as s4, "
            + "u.end_user as s5, u.account as s6, t.registered_block as n1, "
            + "cast(null as bigint) as n2, c.sender as s7, c.block_time as n3 from token t "
            + "left join chain_event c on c.tx_hash = t.tx_hash and c.log_index = t.log_index "
            + "left join token_end_user u on u.dt = t.dt where t.dt = ?1";

    /**
     * Each DT reached: level, 0, dt, then as {@link #SELF} (nulls if the index holds no registration of it)
     * but for sender and time, which the walk's hot path does not read.
     */
    private static final String TOKENS = "select 'token', n.level, 0, n.dt, t.owner_org, t.kind, t.tx_hash, "
            + "u.end_user, u.account, t.registered_block, null, null, null from node n left join token t on t.dt = n.dt "
            + "left join token_end_user u on u.dt = n.dt";

    /**
     * Each edge walked with the last grant change of the child to the parent: level, 0, parent, child,
     * change, by, tx hash, -, expires at, block.
     */
    private static final String EDGES = "select 'edge', e.level, 0, e.parent, e.child, g.change, g.by_account, "
            + "g.tx_hash, null, g.expires_at, g.block_number, null, null from edge e left join lateral (select change, by_account, "
            + "tx_hash, expires_at, block_number from grant_change c where c.child = e.child and c.parent = e.parent "
            + "order by c.block_number desc, c.log_index desc limit 1) g on true";

    /** One row if edges go on from a DT at the last level. */
    private static String truncated(Direction direction) {
        return "select 'truncated', 0, 0, null, null, null, null, null, null, null, null, null, null where exists (select 1 "
                + "from walk w join lineage_edge e on e." + direction.from + " = any(w.reached) where w.level = ?2)";
    }

    /**
     * Jobs whose algorithm is the DT or a composition reached above it, with their last state:
     * submitted block, 0, job, task, algorithm, owner, state, tx hash, state block, -, submitter, time. One
     * {@code in (… union all …)} rather than {@code = ?1 or in (…)}: the {@code or} keeps PostgreSQL
     * from using the job_algorithm index (a scan of every job per call; see bench/trace.mjs).
     */
    private static final String JOBS = "select 'job', j.submitted_block, 0, j.job, j.task, j.algorithm, j.owner_org, "
            + "s.to_state, j.tx_hash, s.block_number, null, c.sender, c.block_time from job j "
            + "left join chain_event c on c.tx_hash = j.tx_hash and c.log_index = j.log_index left join lateral (select to_state, "
            + "block_number from job_state_change c where c.job = j.job order by c.block_number desc, "
            + "c.log_index desc limit 1) s on true where j.algorithm in (select cast(?1 as varchar) union all "
            + "select dt from node)";

    /**
     * Receipts naming the DT, and every receipt of the jobs that used it: block, log index, job, dt, op,
     * result hash, party, tx hash, -, -, recording account, time.
     */
    private static final String RECEIPTS = "select 'receipt', u.block_number, u.log_index, u.job, u.dt, u.op, "
            + "u.result_hash, u.party_org, u.tx_hash, null, null, c.sender, c.block_time from usage u "
            + "left join chain_event c on c.tx_hash = u.tx_hash and c.log_index = u.log_index where u.dt = ?1 or u.job in "
            + "(select j.job from job j where j.algorithm in (select cast(?1 as varchar) union all "
            + "select dt from node))";

    /**
     * Grants and revocations of the DT's use by its parents: block, log index, child, parent, change, by,
     * tx hash, -, expires at, -, -, time.
     */
    private static final String GRANTS = "select 'grant', g.block_number, g.log_index, g.child, g.parent, g.change, "
            + "g.by_account, g.tx_hash, null, g.expires_at, null, null, c.block_time from grant_change g "
            + "left join chain_event c on c.tx_hash = g.tx_hash and c.log_index = g.log_index where g.child = ?1";

    /** Runs the walk with the rows of the given kinds, sorting them into the answer's lists. */
    private Answer answer(DataTokenId dt, Direction direction, int depth, List<String> rows) {
        List<?> result = entities.createNativeQuery(walk(direction) + String.join(" union all ", rows)
                        + " order by 1, 2, 3, 4, 5")
                .setParameter(1, dt.value()).setParameter(2, depth).getResultList();
        Answer answer = new Answer();
        for (Object columns : result) {
            answer.add((Object[]) columns);
        }
        return answer;
    }

    /** What one walk's statement returned, by kind, in the statement's order. */
    private static final class Answer {
        Optional<TokenView> self = Optional.empty();
        final List<TokenView> tokens = new ArrayList<>();
        final List<EdgeView> edges = new ArrayList<>();
        final List<JobView> jobs = new ArrayList<>();
        final List<ReceiptView> receipts = new ArrayList<>();
        final List<GrantView> grants = new ArrayList<>();
        boolean truncated;

        void add(Object[] row) {
            switch ((String) row[0]) {
                case "dt" -> self = Optional.of(token(row));
                case "token" -> tokens.add(token(row));
                case "edge" -> edges.add(new EdgeView(string(row, 3), string(row, 4), integer(row[1]),
                        row[5] == null ? null : new GrantView(string(row, 4), string(row, 3), string(row, 5),
                                nullableLong(row[9]), string(row, 6), longValue(row[10]), string(row, 7), null),
                        null));
                case "truncated" -> truncated = true;
                case "job" -> jobs.add(new JobView(string(row, 3), string(row, 4), string(row, 5), string(row, 6),
                        string(row, 7), longValue(row[1]), nullableLong(row[9]), string(row, 8), instant(row[12]),
                        string(row, 11)));
                case "receipt" -> receipts.add(new ReceiptView(string(row, 3), string(row, 4), string(row, 5),
                        string(row, 6), string(row, 7), longValue(row[1]), string(row, 8), integer(row[2]),
                        instant(row[12]), string(row, 11)));
                case "grant" -> grants.add(new GrantView(string(row, 3), string(row, 4), string(row, 5),
                        nullableLong(row[9]), string(row, 6), longValue(row[1]), string(row, 7), instant(row[12])));
                default -> throw new IllegalStateException("unknown row kind " + row[0]);
            }
        }

        private static TokenView token(Object[] row) {
            return new TokenView(string(row, 3), integer(row[1]), string(row, 4), string(row, 5), nullableLong(row[9]),
                    string(row, 6), instant(row[12]), string(row, 11), string(row, 7), string(row, 8));
        }
    }

    private static String string(Object[] row, int column) {
        return (String) row[column];
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

    /** A block time (unix seconds), null where the row kind does not read it. */
    private static Instant instant(Object value) {
        return value == null ? null : Instant.ofEpochSecond(((Number) value).longValue());
    }
}
