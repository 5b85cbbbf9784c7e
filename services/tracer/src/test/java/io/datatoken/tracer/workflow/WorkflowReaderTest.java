package io.datatoken.tracer.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.datatoken.content.IpfsContentStore;
import io.datatoken.content.IpfsSettings;
import io.datatoken.domain.asset.Ddo;
import io.datatoken.domain.content.Cid;
import io.datatoken.domain.content.ContentStore;
import io.datatoken.metadata.DdoVerifier;
import io.datatoken.tracer.TracerSchemaTest;
import io.datatoken.tracer.workflow.EdgeOp.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The workflow reader on the tracer's real schema, an in-memory chain and content store, and a real IPFS adapter with no node. */
class WorkflowReaderTest extends TracerSchemaTest {

    private static final String A = Compositions.id("data a");
    private static final String B = Compositions.id("data b");
    private static final String C = Compositions.id("algorithm c");
    private static final String SHARE = Compositions.id("op ss-share");
    private static final String SUM = Compositions.id("op secure-sum");
    private static final Retries RETRIES = new Retries(Duration.ofSeconds(5), Duration.ofMinutes(10));

    private Compositions compositions;
    private SettableClock clock;
    private IpfsContentStore noNode;

    @BeforeEach
    void emptyChainAndIndex() {
        compositions = new Compositions();
        clock = new SettableClock();
        noNode = new IpfsContentStore(IpfsSettings.of(URI.create("http://127.0.0.1:" + closedPort())));
        emptyIndex();
    }

    @AfterEach
    void closeStore() {
        noNode.close();
    }

    @Test
    void reads_the_op_each_child_of_a_composition_runs_with_its_name_version_and_params() {
        dataAndOps();
        compositions.history.block(compositions.registered(Compositions.algorithm(C, List.of(A, B),
                Map.of(A, SHARE, B, SUM), Map.of("rounds", "20", "target", "default"))));
        index(compositions.chain);

        assertThat(ops(C, A, C, B)).containsOnlyKeys(new Edge(C, A), new Edge(C, B))
                .allSatisfy((edge, op) -> assertThat(op.status()).isEqualTo(Status.PENDING));

        assertThat(reader(compositions.content).readDue()).isEqualTo(1);

        assertThat(ops(C, A, C, B)).containsExactlyInAnyOrderEntriesOf(Map.of(
                new Edge(C, A), EdgeOp.known(SHARE, "ss-share", "1.0.0", Map.of("rounds", "20", "target", "default")),
                new Edge(C, B), EdgeOp.known(SUM, "secure-sum", "2.1.0", Map.of("rounds", "20", "target", "default"))));
        assertThat(rows("select state, attempts from metadata_read")).containsExactly(List.of("READ", 1));
        assertThat(reader(compositions.content).readDue()).isZero();
    }

    @Test
    void an_op_set_for_no_child_unpublished_ops_and_edges_without_a_document_say_so() {
        dataAndOps();
        String unpublished = Compositions.id("op never published");
        compositions.history.block(compositions.registered(Compositions.algorithm(C, List.of(A, B),
                Map.of(A, unpublished), Map.of())));
        index(compositions.chain);
        reader(compositions.content).readDue();

        assertThat(ops(C, A, C, B, A, B)).containsExactlyInAnyOrderEntriesOf(Map.of(
                new Edge(C, A), EdgeOp.known(unpublished, null, null, Map.of()),
                new Edge(C, B), EdgeOp.unknown(Status.NOT_SET, null),
                new Edge(A, B), EdgeOp.unknown(Status.NO_DOCUMENT, null)));
    }

    @Test
    void a_tampered_document_is_rejected_with_the_reason_for_good_and_gives_no_op() {
        dataAndOps();
        Ddo vouched = Compositions.algorithm(C, List.of(A, B), Map.of(A, SHARE, B, SUM), Map.of());
        Ddo served = Compositions.algorithm(C, List.of(A, B), Map.of(A, SUM, B, SHARE), Map.of());
        compositions.history.block(compositions.registered(vouched,
                compositions.stored(compositions.canonical(served)).value(), compositions.proof(vouched)));
        index(compositions.chain);

        assertThat(reader(compositions.content).readDue()).isZero();
        clock.advance(Duration.ofDays(1));
        reader(compositions.content).readDue();

        assertThat(ops(C, A)).hasEntrySatisfying(new Edge(C, A), op -> {
            assertThat(op.status()).isEqualTo(Status.REJECTED);
            assertThat(op.opHash()).isNull();
            assertThat(op.reason()).contains("proof mismatch", compositions.proof(vouched));
        });
        assertThat(rows("select * from edge_op")).isEmpty();
        assertThat(rows("select attempts from metadata_read")).containsExactly(List.of(1));
    }

    @Test
    void a_document_that_is_no_ddo_or_describes_another_dt_is_rejected() {
        dataAndOps();
        String d = Compositions.id("algorithm d");
        byte[] notJson = "not a document".getBytes(StandardCharsets.UTF_8);
        Ddo other = Compositions.algorithm(C, List.of(A), Map.of(A, SHARE), Map.of());
        compositions.history.block(
                compositions.registered(Compositions.algorithm(C, List.of(A), Map.of(A, SHARE), Map.of()),
                        compositions.stored(notJson).value(), Compositions.id("proof of nothing")),
                compositions.registered(Compositions.algorithm(d, List.of(A), Map.of(A, SHARE), Map.of()),
                        compositions.stored(compositions.canonical(other)).value(), compositions.proof(other)));
        index(compositions.chain);

        reader(compositions.content).readDue();

        assertThat(ops(C, A, d, A)).hasEntrySatisfying(new Edge(C, A), op -> {
            assertThat(op.status()).isEqualTo(Status.REJECTED);
            assertThat(op.reason()).contains("invalid DDO");
        }).hasEntrySatisfying(new Edge(d, A), op -> {
            assertThat(op.status()).isEqualTo(Status.REJECTED);
            assertThat(op.reason()).contains("describes " + C + ", not " + d);
        });
    }

    @Test
    void a_document_read_while_ipfs_is_down_is_read_when_it_is_back_and_its_retry_is_due() {
        dataAndOps();
        compositions.history.block(compositions.registered(
                Compositions.algorithm(C, List.of(A), Map.of(A, SHARE), Map.of("rounds", "3"))));
        index(compositions.chain);

        assertThat(reader(noNode).readDue()).isZero();

        assertThat(ops(C, A)).hasEntrySatisfying(new Edge(C, A), op -> {
            assertThat(op.status()).isEqualTo(Status.UNAVAILABLE);
            assertThat(op.reason()).contains("content store is unavailable");
        });
        // back, but the retry is not due yet
        assertThat(reader(compositions.content).readDue()).isZero();
        clock.advance(RETRIES.first());

        assertThat(reader(compositions.content).readDue()).isEqualTo(1);

        assertThat(ops(C, A)).containsEntry(new Edge(C, A),
                EdgeOp.known(SHARE, "ss-share", "1.0.0", Map.of("rounds", "3")));
        assertThat(rows("select state, reason, attempts, next_attempt_at from metadata_read"))
                .containsExactly(Arrays.asList("READ", null, 2, null));
    }

    @Test
    void while_ipfs_is_down_a_run_stops_at_the_first_document_and_each_waits_longer_after_each_failure() {
        dataAndOps();
        String d = Compositions.id("algorithm d");
        compositions.history.block(
                compositions.registered(Compositions.algorithm(C, List.of(A), Map.of(A, SHARE), Map.of())),
                compositions.registered(Compositions.algorithm(d, List.of(B), Map.of(B, SUM), Map.of())));
        index(compositions.chain);
        long start = clock.instant().getEpochSecond();

        reader(noNode).readDue();

        // the newest (d) was tried; C was not, as it would have failed alike
        assertThat(states()).containsExactlyInAnyOrder(List.of(C, "PENDING", 0), List.of(d, "UNAVAILABLE", 1));
        clock.advance(RETRIES.first());
        reader(noNode).readDue();
        assertThat(states()).containsExactlyInAnyOrder(List.of(C, "PENDING", 0), List.of(d, "UNAVAILABLE", 2));
        clock.advance(RETRIES.first());
        reader(noNode).readDue();

        // d failed at +5 s for the second time and waits 10 s; C failed at +10 s for the first time and waits 5 s
        assertThat(rows("select m.dt, extract(epoch from r.next_attempt_at)::bigint - " + start + " from metadata_read r "
                + "join token_metadata m using (tx_hash, log_index) order by m.dt"))
                .containsExactlyInAnyOrder(List.of(C, 15L), List.of(d, 15L));
        assertThat(reader(compositions.content).readDue()).isZero();
        clock.advance(RETRIES.first());
        assertThat(reader(compositions.content).readDue()).isEqualTo(2);
        assertThat(ops(C, A, d, B).values()).extracting(EdgeOp::status).containsOnly(Status.KNOWN);
    }

    @Test
    void a_document_the_store_does_not_hold_is_unavailable_and_does_not_hold_up_the_others() {
        dataAndOps();
        String d = Compositions.id("algorithm d");
        Ddo missing = Compositions.algorithm(d, List.of(B), Map.of(B, SUM), Map.of());
        // the missing one is the newest, read first
        compositions.history.block(
                compositions.registered(Compositions.algorithm(C, List.of(A), Map.of(A, SHARE), Map.of())),
                compositions.registered(missing, Cid.of("never stored".getBytes(StandardCharsets.UTF_8)).value(),
                        compositions.proof(missing)));
        index(compositions.chain);

        assertThat(reader(compositions.content).readDue()).isEqualTo(1);

        assertThat(ops(C, A, d, B)).hasEntrySatisfying(new Edge(C, A), op -> assertThat(op.status()).isEqualTo(Status.KNOWN))
                .hasEntrySatisfying(new Edge(d, B), op -> {
                    assertThat(op.status()).isEqualTo(Status.UNAVAILABLE);
                    assertThat(op.reason()).contains("no content stored");
                });
    }

    @Test
    void a_metadata_update_changes_the_op_and_its_rollback_restores_the_previous_one() {
        dataAndOps();
        compositions.history.block(compositions.registered(
                Compositions.algorithm(C, List.of(A, B), Map.of(A, SHARE, B, SUM), Map.of("rounds", "1"))));
        index(compositions.chain);
        reader(compositions.content).readDue();
        long beforeUpdate = compositions.chain.head();
        compositions.history.block(compositions.updated(
                Compositions.algorithm(C, List.of(A, B), Map.of(A, SUM), Map.of("rounds", "2"))));
        index(compositions.chain);

        assertThat(ops(C, A).get(new Edge(C, A)).status()).isEqualTo(Status.PENDING);
        reader(compositions.content).readDue();

        assertThat(ops(C, A, C, B)).containsExactlyInAnyOrderEntriesOf(Map.of(
                new Edge(C, A), EdgeOp.known(SUM, "secure-sum", "2.1.0", Map.of("rounds", "2")),
                new Edge(C, B), EdgeOp.unknown(Status.NOT_SET, null)));

        compositions.chain.fork(beforeUpdate + 1);
        compositions.chain.mine(2);
        index(compositions.chain);

        assertThat(ops(C, A, C, B)).containsExactlyInAnyOrderEntriesOf(Map.of(
                new Edge(C, A), EdgeOp.known(SHARE, "ss-share", "1.0.0", Map.of("rounds", "1")),
                new Edge(C, B), EdgeOp.known(SUM, "secure-sum", "2.1.0", Map.of("rounds", "1"))));
    }

    @Test
    void a_reorganization_rolls_back_the_ops_of_the_dropped_composition() {
        dataAndOps();
        long beforeComposition = compositions.chain.head();
        compositions.history.block(compositions.registered(
                Compositions.algorithm(C, List.of(A), Map.of(A, SHARE), Map.of())));
        index(compositions.chain);
        reader(compositions.content).readDue();
        assertThat(rows("select parent, child, op_hash from edge_op")).containsExactly(List.of(C, A, SHARE));

        compositions.chain.fork(beforeComposition + 1);
        compositions.chain.mine(2);
        index(compositions.chain);

        assertThat(rows("select * from edge_op")).isEmpty();
        assertThat(rows("select * from metadata_read")).isEmpty();
        assertThat(rows("select dt from token_metadata order by dt")).containsExactlyInAnyOrder(List.of(A), List.of(B));
        assertThat(ops(C, A)).containsEntry(new Edge(C, A), EdgeOp.unknown(Status.NO_DOCUMENT, null));
        assertThat(reader(compositions.content).readDue()).isZero();
    }

    /** Each composition's dt, read state and attempts, by dt. */
    private List<List<Object>> states() {
        return rows("select m.dt, r.state, r.attempts from metadata_read r join token_metadata m "
                + "using (tx_hash, log_index) order by m.dt");
    }

    /** Data DTs A and B with their documents, and the two ops published: 2 blocks. */
    private void dataAndOps() {
        compositions.history.block(compositions.registered(Compositions.data(A)),
                compositions.registered(Compositions.data(B)));
        compositions.history.block(compositions.opPublished(SHARE, "ss-share", "1.0.0"),
                compositions.opPublished(SUM, "secure-sum", "2.1.0"));
    }

    private WorkflowReader reader(ContentStore content) {
        return new WorkflowReader(new TransactionalWorkflowStore(this::inTracerSchema), content, new DdoVerifier(),
                clock, RETRIES);
    }

    /** The ops of these edges, given as parent, child, parent, child, … */
    private Map<Edge, EdgeOp> ops(String... parentsAndChildren) {
        List<Edge> edges = new ArrayList<>();
        for (int i = 0; i < parentsAndChildren.length; i += 2) {
            edges.add(new Edge(parentsAndChildren[i], parentsAndChildren[i + 1]));
        }
        return new TransactionalEdgeOps(this::inTracerSchema).of(edges);
    }

    /** A port nothing listens on: connections to it are refused, as to an IPFS node that is down. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
