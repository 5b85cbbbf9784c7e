package io.datatoken.tracer.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.datatoken.domain.asset.Ddo;
import io.datatoken.metadata.DdoVerifier;
import io.datatoken.tracer.TracerSchemaTest;
import io.datatoken.tracer.index.Indexer;
import io.datatoken.tracer.index.IndexerSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The index with its workflow ops, rebuilt from an empty database, is the one followed live. */
class WorkflowRebuildTest extends TracerSchemaTest {

    private static final IndexerSettings SETTINGS = new IndexerSettings(2, 3, 8);
    private static final String SHARE = Compositions.id("op ss-share");
    private static final String SUM = Compositions.id("op secure-sum");

    private final Compositions compositions = new Compositions();
    private final SettableClock clock = new SettableClock();

    @Test
    void rebuilding_from_an_empty_database_gives_exactly_the_live_index_with_its_ops() {
        emptyIndex();
        compositions.history.block(compositions.opPublished(SHARE, "ss-share", "1.0.0"),
                compositions.opPublished(SUM, "secure-sum", "2.1.0"));
        String kept = composition("kept", Map.of("rounds", "1"));
        followLive();
        // the kept composition's document changes; a tampered one is registered
        compositions.history.block(compositions.updated(Compositions.algorithm(kept,
                List.of(Compositions.id("data kept 0"), Compositions.id("data kept 1")),
                Map.of(Compositions.id("data kept 1"), SHARE), Map.of("rounds", "2"))));
        tampered("tampered");
        compositions.chain.mine(2);
        followLive();
        // a composition read live, then dropped by a reorganization below the confirmations
        long forkPoint = compositions.chain.head() - 1;
        composition("dropped", Map.of());
        compositions.chain.mine(2);
        followLive();
        assertThat(rows("select distinct parent from edge_op")).hasSize(2);
        compositions.chain.fork(forkPoint);
        composition("second", Map.of("target", "t"));
        compositions.chain.mine(4);
        followLive();
        Snapshot live = snapshot();
        assertThat(live.pointers()).hasSize(8);
        assertThat(live.reads()).extracting(row -> row.get(1))
                .containsExactlyInAnyOrder("READ", "READ", "READ", "REJECTED");
        assertThat(live.ops()).hasSize(5);

        emptyIndex();
        new Indexer(compositions.chain, store(), SETTINGS).catchUp();
        reader().readDue();

        assertThat(snapshot()).isEqualTo(live);
    }

    /** Catches the index up and reads the documents due, as the two schedules do. */
    private void followLive() {
        new Indexer(compositions.chain, store(), SETTINGS).catchUp();
        reader().readDue();
        clock.advance(Duration.ofSeconds(1));
    }

    /** Two data DTs and an algorithm composed of them with both ops: 2 blocks. */
    private String composition(String name, Map<String, String> configs) {
        String first = Compositions.id("data " + name + " 0");
        String second = Compositions.id("data " + name + " 1");
        String algorithm = Compositions.id("algorithm " + name);
        compositions.history.block(compositions.registered(Compositions.data(first)),
                compositions.registered(Compositions.data(second)));
        compositions.history.block(compositions.registered(Compositions.algorithm(algorithm, List.of(first, second),
                Map.of(first, SHARE, second, SUM), configs)));
        return algorithm;
    }

    /** An algorithm whose event's proof is not its stored document's: 1 block. */
    private void tampered(String name) {
        String child = Compositions.id("data kept 0");
        Ddo vouched = Compositions.algorithm(Compositions.id("algorithm " + name), List.of(child), Map.of(child, SHARE),
                Map.of());
        Ddo served = Compositions.algorithm(Compositions.id("algorithm " + name), List.of(child), Map.of(child, SUM),
                Map.of());
        compositions.history.block(compositions.registered(vouched,
                compositions.stored(compositions.canonical(served)).value(), compositions.proof(vouched)));
    }

    private WorkflowReader reader() {
        return new WorkflowReader(new TransactionalWorkflowStore(this::inTracerSchema), compositions.content,
                new DdoVerifier(), clock, Retries.DEFAULT);
    }

    /** The workflow's rows (read times and retry times aside, which depend on when the reader ran). */
    private record Snapshot(List<List<Object>> pointers, List<List<Object>> reads, List<List<Object>> ops) {
    }

    private Snapshot snapshot() {
        return new Snapshot(
                rows("select * from token_metadata order by tx_hash, log_index"),
                rows("select tx_hash, state, reason, attempts, log_index from metadata_read order by tx_hash, log_index"),
                rows("select parent, child, op_hash, params::text, tx_hash, log_index from edge_op "
                        + "order by tx_hash, log_index, child"));
    }
}
