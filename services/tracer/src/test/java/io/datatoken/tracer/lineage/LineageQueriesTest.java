package io.datatoken.tracer.lineage;

import static io.datatoken.tracer.LedgerHistory.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.datatoken.domain.asset.AssetKind;
import io.datatoken.domain.token.DataTokenId;
import io.datatoken.tracer.LedgerHistory;
import io.datatoken.tracer.TracerSchemaTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Lineage and usage answered from an index built by the indexer over an in-memory chain: bank A's and
 * bank B's data (A, B), algo C's composition of them (X), fintech F's algorithm over X (Y) and its job.
 */
class LineageQueriesTest extends TracerSchemaTest {

    private static final String A = id("A");
    private static final String B = id("B");
    private static final String X = id("X");
    private static final String Y = id("Y");
    private static final String JOB = id("job 1");
    private static final String TASK = id("task 1");
    private static final String OP = id("secure-sum");

    private LedgerHistory history;
    private LineageQueries queries;
    private long dataBlock;
    private long grantBlock;
    private long runningBlock;

    @BeforeEach
    void composition() {
        emptyIndex();
        queries = new TransactionalLineageQueries(this::inTracerSchema);
        history = new LedgerHistory();
        dataBlock = history.block(history.registered(A, "bank-a", AssetKind.DATA),
                history.registered(B, "bank-b", AssetKind.DATA)).number();
        history.block(history.registered(X, "algo-c", AssetKind.ALGORITHM, A, B));
        grantBlock = history.block(history.granted(A, X, 0), history.granted(B, X, 1_900_000_000L)).number();
        history.block(history.registered(Y, "fintech-f", AssetKind.ALGORITHM, X), history.granted(X, Y, 0));
        history.block(history.jobSubmitted(JOB, TASK, Y, "fintech-f"), history.stateChanged(JOB, 0, 1));
        history.block(history.stateChanged(JOB, 1, 2));
        runningBlock = history.block(history.stateChanged(JOB, 2, 3)).number();
        index(history.chain);
    }

    @Test
    void down_walks_what_a_composition_is_made_of_with_owners_kinds_and_grants() {
        LineageView lineage = lineage(Y, Direction.DOWN, 10);

        assertThat(lineage.token()).extracting(TokenView::level, TokenView::owner, TokenView::kind)
                .containsExactly(0, "fintech-f", "ALGORITHM");
        assertThat(lineage.tokens()).extracting(TokenView::dt, TokenView::level, TokenView::owner, TokenView::kind)
                .containsExactlyInAnyOrder(tuple(X, 1, "algo-c", "ALGORITHM"), tuple(A, 2, "bank-a", "DATA"),
                        tuple(B, 2, "bank-b", "DATA"));
        assertThat(lineage.edges()).extracting(EdgeView::parent, EdgeView::child, EdgeView::level,
                        e -> e.grant().change(), e -> e.grant().expiresAt())
                .containsExactlyInAnyOrder(tuple(Y, X, 1, "GRANTED", 0L), tuple(X, A, 2, "GRANTED", 0L),
                        tuple(X, B, 2, "GRANTED", 1_900_000_000L));
        assertThat(lineage.truncated()).isFalse();
        assertThat(lineage.jobs()).isEmpty();
    }

    @Test
    void down_stops_at_the_depth_and_says_the_tree_goes_on() {
        LineageView lineage = lineage(Y, Direction.DOWN, 1);

        assertThat(lineage.edges()).extracting(EdgeView::parent, EdgeView::child).containsExactly(tuple(Y, X));
        assertThat(lineage.tokens()).extracting(TokenView::dt).containsExactly(X);
        assertThat(lineage.truncated()).isTrue();
    }

    @Test
    void up_walks_the_compositions_made_of_a_dt_and_the_jobs_that_run_them() {
        LineageView lineage = lineage(A, Direction.UP, 10);

        assertThat(lineage.tokens()).extracting(TokenView::dt, TokenView::level).containsExactly(tuple(X, 1), tuple(Y, 2));
        assertThat(lineage.edges()).extracting(EdgeView::parent, EdgeView::child, EdgeView::level)
                .containsExactly(tuple(X, A, 1), tuple(Y, X, 2));
        assertThat(lineage.jobs()).extracting(JobView::job, JobView::task, JobView::algorithm, JobView::owner, JobView::state)
                .containsExactly(tuple(JOB, TASK, Y, "fintech-f", "RUNNING"));
        assertThat(lineage.truncated()).isFalse();
    }

    @Test
    void up_to_depth_one_leaves_out_the_jobs_of_compositions_beyond_it() {
        LineageView lineage = lineage(A, Direction.UP, 1);

        assertThat(lineage.tokens()).extracting(TokenView::dt).containsExactly(X);
        assertThat(lineage.jobs()).isEmpty();
        assertThat(lineage.truncated()).isTrue();
    }

    @Test
    void a_dt_reached_along_two_paths_appears_once_at_its_shortest_level() {
        String z = id("Z");
        history.block(history.registered(z, "fintech-f", AssetKind.ALGORITHM, X, A));
        index(history.chain);

        LineageView lineage = lineage(z, Direction.DOWN, 10);

        assertThat(lineage.tokens()).extracting(TokenView::dt, TokenView::level)
                .containsExactlyInAnyOrder(tuple(X, 1), tuple(A, 1), tuple(B, 2));
        assertThat(lineage.edges()).extracting(EdgeView::parent, EdgeView::child, EdgeView::level)
                .containsExactlyInAnyOrder(tuple(z, X, 1), tuple(z, A, 1), tuple(X, A, 2), tuple(X, B, 2));
    }

    @Test
    void a_dt_reached_first_by_a_shorter_path_is_walked_on_from_its_shortest_level() {
        String z = id("Z");
        history.block(history.registered(z, "insurer-d", AssetKind.ALGORITHM, Y, X), history.granted(X, z, 0));
        index(history.chain);

        // X is a child of Z and a grandchild through Y: its children are at level 2, not 3, so depth 2
        // holds the whole tree and is not truncated.
        LineageView lineage = lineage(z, Direction.DOWN, 2);

        assertThat(lineage.tokens()).extracting(TokenView::dt, TokenView::level)
                .containsExactly(sortedByLevelThenDt(tuple(X, 1), tuple(Y, 1), tuple(A, 2), tuple(B, 2)));
        assertThat(lineage.edges()).extracting(EdgeView::parent, EdgeView::child, EdgeView::level)
                .containsExactlyInAnyOrder(tuple(z, Y, 1), tuple(z, X, 1), tuple(Y, X, 2), tuple(X, A, 2),
                        tuple(X, B, 2));
        assertThat(lineage.edges()).filteredOn(e -> e.parent().equals(z) && e.child().equals(X))
                .extracting(e -> e.grant().change()).containsExactly("GRANTED");
        assertThat(lineage.truncated()).isFalse();
        assertThat(lineage.edges()).extracting(EdgeView::level).isSorted();
    }

    @Test
    void up_each_edge_comes_at_one_more_than_the_shortest_level_of_its_child() {
        String z = id("Z");
        history.block(history.registered(z, "insurer-d", AssetKind.ALGORITHM, Y, X));
        index(history.chain);

        LineageView toTheTop = lineage(A, Direction.UP, 3);
        assertThat(toTheTop.tokens()).extracting(TokenView::dt, TokenView::level)
                .containsExactly(sortedByLevelThenDt(tuple(X, 1), tuple(Y, 2), tuple(z, 2)));
        assertThat(toTheTop.edges()).extracting(EdgeView::parent, EdgeView::child, EdgeView::level)
                .containsExactlyInAnyOrder(tuple(X, A, 1), tuple(Y, X, 2), tuple(z, X, 2), tuple(z, Y, 3));
        assertThat(toTheTop.truncated()).isFalse();

        // Z is already reached at level 2, but the edge from Y (level 2) to it is beyond depth 2.
        LineageView toLevelTwo = lineage(A, Direction.UP, 2);
        assertThat(toLevelTwo.tokens()).extracting(TokenView::dt).containsExactlyInAnyOrder(X, Y, z);
        assertThat(toLevelTwo.edges()).extracting(EdgeView::parent, EdgeView::child)
                .containsExactlyInAnyOrder(tuple(X, A), tuple(Y, X), tuple(z, X));
        assertThat(toLevelTwo.truncated()).isTrue();
    }

    @Test
    void a_walk_that_ends_exactly_at_the_depth_is_not_truncated_and_keeps_the_jobs_of_the_last_level() {
        LineageView up = lineage(A, Direction.UP, 2);
        assertThat(up.tokens()).extracting(TokenView::dt, TokenView::level).containsExactly(tuple(X, 1), tuple(Y, 2));
        assertThat(up.jobs()).extracting(JobView::job, JobView::algorithm, JobView::state, JobView::stateBlock)
                .containsExactly(tuple(JOB, Y, "RUNNING", runningBlock));
        assertThat(up.truncated()).isFalse();

        LineageView down = lineage(Y, Direction.DOWN, 2);
        assertThat(down.tokens()).extracting(TokenView::dt).containsExactlyInAnyOrder(X, A, B);
        assertThat(down.truncated()).isFalse();
        assertThat(lineage(Y, Direction.DOWN, 1).truncated()).isTrue();
    }

    @Test
    void up_lists_the_jobs_run_with_the_dt_itself_and_the_jobs_in_submission_order() {
        String secondJob = id("job 2");
        history.block(history.jobSubmitted(secondJob, TASK, X, "algo-c"));
        index(history.chain);

        LineageView ofY = lineage(Y, Direction.UP, 1);
        assertThat(ofY.tokens()).isEmpty();
        assertThat(ofY.edges()).isEmpty();
        assertThat(ofY.truncated()).isFalse();
        assertThat(ofY.jobs()).extracting(JobView::job, JobView::owner).containsExactly(tuple(JOB, "fintech-f"));

        assertThat(lineage(A, Direction.UP, 10).jobs()).extracting(JobView::job, JobView::algorithm)
                .containsExactly(tuple(JOB, Y), tuple(secondJob, X));
        assertThat(lineage(A, Direction.DOWN, 10)).extracting(LineageView::tokens, LineageView::edges,
                LineageView::jobs, LineageView::truncated).containsExactly(List.of(), List.of(), List.of(), false);
    }

    @Test
    void the_depth_is_bounded_by_default_at_10_and_at_most_32() {
        List<String> nested = new ArrayList<>(List.of(B));
        for (int i = 1; i <= 12; i++) {
            String composed = id("nested " + i);
            history.block(history.registered(composed, "algo-c", AssetKind.ALGORITHM, nested.getLast()));
            nested.add(composed);
        }
        index(history.chain);

        LineageView atTheDefault = lineage(B, Direction.UP, LineageQueries.DEFAULT_DEPTH);
        assertThat(atTheDefault.tokens()).extracting(TokenView::dt).doesNotContain(nested.get(11), nested.get(12))
                .contains(nested.get(10)).contains(X);
        assertThat(atTheDefault.truncated()).isTrue();

        LineageView atTheMost = lineage(B, Direction.UP, LineageQueries.MAX_DEPTH);
        assertThat(atTheMost.tokens()).extracting(TokenView::dt).containsAll(nested.subList(1, 13));
        assertThat(atTheMost.truncated()).isFalse();
        assertThatThrownBy(() -> lineage(B, Direction.UP, 33)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> lineage(B, Direction.UP, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void usage_lists_the_jobs_their_receipts_and_the_grant_changes() {
        assertThat(usage(A).receipts()).isEmpty();
        history.block(history.receipt(JOB, A, OP, id("result A"), "bank-a"),
                history.receipt(JOB, B, OP, id("result B"), "bank-b"));
        history.block(history.stateChanged(JOB, 3, 4), history.revoked(A, X));
        index(history.chain);

        UsageView usage = usage(A);

        assertThat(usage.compositions()).extracting(TokenView::dt).containsExactly(X, Y);
        assertThat(usage.jobs()).extracting(JobView::job, JobView::state).containsExactly(tuple(JOB, "SUCCEEDED"));
        assertThat(usage.receipts()).extracting(ReceiptView::job, ReceiptView::dt, ReceiptView::op,
                        ReceiptView::resultHash, ReceiptView::party)
                .containsExactly(tuple(JOB, A, OP, id("result A"), "bank-a"), tuple(JOB, B, OP, id("result B"), "bank-b"));
        assertThat(usage.grants()).extracting(GrantView::parent, GrantView::change, GrantView::expiresAt)
                .containsExactly(tuple(X, "GRANTED", 0L), tuple(X, "REVOKED", null));
        assertThat(lineage(Y, Direction.DOWN, 10).edges()).filteredOn(e -> e.child().equals(A))
                .extracting(e -> e.grant().change()).containsExactly("REVOKED");
    }

    @Test
    void usage_names_the_dt_and_each_grant_change_as_the_lineage_edges_do() {
        UsageView usage = usage(B);

        assertThat(usage.token()).extracting(TokenView::dt, TokenView::level, TokenView::owner, TokenView::kind,
                TokenView::registeredBlock).containsExactly(B, 0, "bank-b", "DATA", dataBlock);
        assertThat(usage.token().txHash()).isNotBlank();
        assertThat(usage.grants()).singleElement().satisfies(grant -> {
            assertThat(grant).extracting(GrantView::child, GrantView::parent, GrantView::change, GrantView::expiresAt,
                    GrantView::blockNumber).containsExactly(B, X, "GRANTED", 1_900_000_000L, grantBlock);
            assertThat(grant.by()).isNotBlank();
            assertThat(grant.txHash()).isNotBlank();
        });
        // a lineage's edges leave the grant's time out (the walk's hot path); the usage has it
        assertThat(usage.grants().getFirst().at()).isNotNull();
        assertThat(lineage(X, Direction.DOWN, 1).edges()).filteredOn(e -> e.child().equals(B))
                .extracting(EdgeView::grant).usingRecursiveFieldByFieldElementComparatorIgnoringFields("at")
                .containsExactly(usage.grants().getFirst());
        assertThat(lineage(X, Direction.UP, 1).token()).isEqualTo(usage(X).token());
    }

    @Test
    void a_reorganization_that_drops_a_composition_drops_it_from_the_answers() {
        String z = id("Z");
        long forkedBlock = history.block(history.registered(z, "insurer-d", AssetKind.ALGORITHM, A)).number();
        index(history.chain);
        assertThat(lineage(A, Direction.UP, 10).tokens()).extracting(TokenView::dt).contains(z);

        history.chain.fork(forkedBlock);
        history.block(history.metadataUpdated(A));
        history.chain.mine(1);
        index(history.chain);

        assertThat(lineage(A, Direction.UP, 10).tokens()).extracting(TokenView::dt).containsExactly(X, Y);
        assertThat(queries.lineage(DataTokenId.of(z), Direction.DOWN, 10)).isEmpty();
        assertThat(rows("select count(*) from lineage_edge where parent = '" + z + "'").getFirst().getFirst())
                .isEqualTo(0L);
    }

    @Test
    void a_dt_the_index_does_not_hold_has_no_lineage_nor_usage() {
        assertThat(queries.lineage(DataTokenId.of(id("nowhere")), Direction.UP, 10)).isEmpty();
        assertThat(queries.usage(DataTokenId.of(id("nowhere")))).isEmpty();
    }

    /** The (dt, level) tuples in the answers' order: by level, then by DT. */
    private static Tuple[] sortedByLevelThenDt(Tuple... tokens) {
        return Arrays.stream(tokens).sorted(Comparator
                        .comparing((Tuple t) -> (Integer) t.toList().get(1))
                        .thenComparing(t -> (String) t.toList().get(0)))
                .toArray(Tuple[]::new);
    }

    private LineageView lineage(String dt, Direction direction, int depth) {
        return queries.lineage(DataTokenId.of(dt), direction, depth).orElseThrow();
    }

    private UsageView usage(String dt) {
        return queries.usage(DataTokenId.of(dt)).orElseThrow();
    }
}
