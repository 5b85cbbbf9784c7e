package io.datatoken.tracer.index;

import static io.datatoken.chain.InMemoryChainLog.log;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datatoken.chain.InMemoryChainLog;
import io.datatoken.domain.asset.AssetKind;
import io.datatoken.tracer.LedgerHistory;
import io.datatoken.tracer.TracerSchemaTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The indexer on a fake chain and the tracer's real schema. */
class IndexerTest extends TracerSchemaTest {

    private static final IndexerSettings TWO_CONFIRMATIONS = new IndexerSettings(2, 500, 64);

    private LedgerHistory history;
    private InMemoryChainLog chain;

    @BeforeEach
    void emptyChainAndIndex() {
        history = new LedgerHistory();
        chain = history.chain;
        emptyIndex();
    }

    @Test
    void applies_the_confirmed_blocks_and_not_the_unconfirmed_tail() {
        blocksWithOneEventEach("a", 6);
        Indexer indexer = indexer(TWO_CONFIRMATIONS);

        assertThat(indexer.catchUp()).isEqualTo(4);

        assertThat(txHashes()).containsExactly("0xa1", "0xa2", "0xa3", "0xa4");
        assertThat(store().cursor()).contains(AppliedBlock.of(chain.block(4).orElseThrow()));
        assertThat(indexer.lag()).isEqualTo(2);
        assertThat(single("select fields->>'dt' from chain_event where tx_hash = '0xa3'")).isEqualTo("0x0a3");
    }

    @Test
    void a_second_catch_up_applies_nothing_new() {
        blocksWithOneEventEach("a", 6);
        Indexer indexer = indexer(TWO_CONFIRMATIONS);
        indexer.catchUp();
        Snapshot before = snapshot();

        assertThat(indexer.catchUp()).isZero();

        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void resumes_after_a_crash_between_batches_applying_each_event_once() {
        blocksWithOneEventEach("a", 9);
        IndexerSettings twoBlocksABatch = new IndexerSettings(2, 2, 64);
        Indexer crashing = new Indexer(chain, store().crashingOnBatch(2), twoBlocksABatch);

        assertThatThrownBy(crashing::catchUp).hasMessageContaining("crash");
        // Blocks 0..1 made the first batch; the second (2..3) was written and rolled back.
        assertThat(txHashes()).containsExactly("0xa1");
        assertThat(store().cursor()).contains(AppliedBlock.of(chain.block(1).orElseThrow()));

        assertThat(new Indexer(chain, store(), twoBlocksABatch).catchUp()).isEqualTo(6);

        assertThat(txHashes()).containsExactly("0xa1", "0xa2", "0xa3", "0xa4", "0xa5", "0xa6", "0xa7");
    }

    @Test
    void a_reorganization_of_the_unconfirmed_tail_changes_nothing_applied() {
        blocksWithOneEventEach("a", 6);
        Indexer indexer = indexer(TWO_CONFIRMATIONS);
        indexer.catchUp();
        Snapshot before = snapshot();
        chain.fork(5);
        blocksWithOneEventEach("b", 2);

        assertThat(indexer.catchUp()).isZero();
        assertThat(snapshot()).isEqualTo(before);

        chain.mine(1);
        assertThat(indexer.catchUp()).isEqualTo(1);
        assertThat(txHashes()).containsExactly("0xa1", "0xa2", "0xa3", "0xa4", "0xb1");
    }

    @Test
    void a_reorganization_below_the_confirmations_rolls_back_to_the_fork_point_and_applies_the_new_branch() {
        blocksWithOneEventEach("a", 6);
        Indexer indexer = indexer(TWO_CONFIRMATIONS);
        indexer.catchUp();
        // Blocks 3 and 4 were applied; the new branch drops 0xa4 and moves 0xa3 to block 4.
        chain.fork(3);
        chain.append(event("0xb1", "0x0b1"));
        chain.append(event("0xa3", "0x0a3"), event("0xb2", "0x0b2"));
        chain.mine(2);

        assertThat(indexer.catchUp()).isEqualTo(3);

        assertThat(txHashes()).containsExactly("0xa1", "0xa2", "0xb1", "0xa3", "0xb2");
        assertThat(single("select block_hash from chain_event where tx_hash = '0xa3'"))
                .isEqualTo(chain.block(4).orElseThrow().hash());
        assertThat(store().cursor()).contains(AppliedBlock.of(chain.block(4).orElseThrow()));
        assertThat(indexedBlocks()).containsExactly(0L, 1L, 2L, 3L, 4L);
    }

    @Test
    void refuses_a_reorganization_below_every_kept_block_and_changes_nothing() {
        blocksWithOneEventEach("a", 8);
        Indexer indexer = indexer(new IndexerSettings(2, 500, 2));
        indexer.catchUp();
        Snapshot before = snapshot();
        chain.fork(2);
        blocksWithOneEventEach("b", 8);

        assertThatThrownBy(indexer::catchUp).isInstanceOf(ReorganizationTooDeep.class);

        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void rebuilding_from_an_empty_database_gives_exactly_the_live_index() {
        IndexerSettings settings = new IndexerSettings(2, 3, 4);
        blocksWithOneEventEach("a", 5);
        compositionAndJob("first");
        indexer(settings).catchUp();
        blocksWithOneEventEach("b", 4);
        assertThatThrownBy(new Indexer(chain, store().crashingOnBatch(2), settings)::catchUp)
                .hasMessageContaining("crash");
        indexer(settings).catchUp();
        chain.fork(chain.head() - 1);
        blocksWithOneEventEach("c", 3);
        indexer(settings).catchUp();
        compositionAndJob("dropped");
        indexer(settings).catchUp();
        // the "dropped" composition (not yet its job) was applied; a new branch replaces its blocks
        assertThat(rows("select parent from lineage_edge")).hasSize(2);
        assertThat(rows("select end_user from token_end_user")).containsExactlyInAnyOrder(List.of("u-first"),
                List.of("u-dropped"));
        chain.fork(chain.head() - 4);
        compositionAndJob("second");
        blocksWithOneEventEach("d", 6);
        indexer(settings).catchUp();
        Snapshot live = snapshot();
        assertThat(live.events()).hasSize((int) chain.events(0, chain.head() - 2).size());
        assertThat(live.tokens()).hasSize(6);
        assertThat(live.endUsers()).extracting(row -> row.get(2)).containsExactlyInAnyOrder("u-first", "u-second");
        assertThat(live.edges()).extracting(row -> row.getFirst())
                .containsExactlyInAnyOrder(LedgerHistory.id("composition first"), LedgerHistory.id("composition second"));
        assertThat(live.grants()).hasSize(2);
        assertThat(live.jobs()).hasSize(2);
        assertThat(live.jobStates()).hasSize(4);
        assertThat(live.receipts()).hasSize(2);
        assertThat(live.accounts()).hasSize(6);
        assertThat(live.tasks()).hasSize(2);
        assertThat(live.subjects()).hasSizeGreaterThan(live.events().size() / 2);

        emptyIndex();
        indexer(settings).catchUp();

        assertThat(snapshot()).isEqualTo(live);
    }

    private Indexer indexer(IndexerSettings settings) {
        return new Indexer(chain, store(), settings);
    }

    /**
     * Both organizations with their accounts and bank A's end user, a data DT and one of the end user's
     * own, an algorithm composed of the first and granted it, a task and a running job with a receipt: 5
     * blocks, each transaction sent by an organization's account or the end user's.
     */
    private void compositionAndJob(String name) {
        String data = LedgerHistory.id("data " + name);
        String composition = LedgerHistory.id("composition " + name);
        String task = LedgerHistory.id("task " + name);
        String job = LedgerHistory.id("job " + name);
        String bank = LedgerHistory.account("bank-a " + name);
        String algo = LedgerHistory.account("algo-c " + name);
        String user = LedgerHistory.account("u-" + name);
        history.block(history.organizationRegistered("bank-a", bank), history.accountAdded("algo-c", algo),
                history.endUserRegistered("bank-a", "u-" + name, user, bank));
        InMemoryChainLog.Log[] usersData = history.registeredByEndUser(LedgerHistory.id("user's data " + name),
                "bank-a", "u-" + name, user);
        history.block(history.registered(data, "bank-a", AssetKind.DATA).by(bank), usersData[0], usersData[1]);
        history.block(history.registered(composition, "algo-c", AssetKind.ALGORITHM, data).by(algo),
                history.granted(data, composition, 0).by(bank));
        history.block(history.taskCreated(task, "algo-c").by(algo),
                history.jobSubmitted(job, task, composition, "algo-c").by(algo),
                history.stateChanged(job, 0, 1).by(algo));
        history.block(history.stateChanged(job, 1, 3).by(algo),
                history.receipt(job, data, LedgerHistory.id("op"), LedgerHistory.id("result " + name), "bank-a").by(bank));
    }

    /** Appends blocks with one event each, tx hashes 0x{prefix}1, 0x{prefix}2, ... */
    private void blocksWithOneEventEach(String prefix, int count) {
        for (int i = 1; i <= count; i++) {
            chain.append(event("0x" + prefix + i, "0x0" + prefix + i));
        }
    }

    private static InMemoryChainLog.Log event(String txHash, String dt) {
        return log(txHash, "DataTokenRegistry", "MetadataUpdated",
                Map.of("dt", dt, "storagePath", "bafy\"quoted\"\\", "proof", "0xff"));
    }

    private List<String> txHashes() {
        return rows("select tx_hash from chain_event order by block_number, log_index").stream()
                .map(row -> (String) row.getFirst()).toList();
    }

    private List<Long> indexedBlocks() {
        return rows("select number from indexed_block order by number").stream()
                .map(row -> ((Number) row.getFirst()).longValue()).toList();
    }

    private Object single(String sql) {
        return rows(sql).getFirst().getFirst();
    }

    /** Every row of the index's tables, the projections too, in a fixed order. */
    private record Snapshot(List<List<Object>> events, List<List<Object>> cursor, List<List<Object>> blocks,
                            List<List<Object>> tokens, List<List<Object>> edges, List<List<Object>> grants,
                            List<List<Object>> jobs, List<List<Object>> jobStates, List<List<Object>> receipts,
                            List<List<Object>> accounts, List<List<Object>> tasks, List<List<Object>> subjects,
                            List<List<Object>> endUsers) {
    }

    private Snapshot snapshot() {
        return new Snapshot(
                rows("select tx_hash, log_index, block_number, block_hash, contract, event, fields::text, block_time, "
                        + "sender from chain_event order by tx_hash, log_index"),
                rows("select block_number, block_hash from index_cursor"),
                rows("select number, hash from indexed_block order by number"),
                rows("select * from token order by dt"),
                rows("select * from lineage_edge order by parent, child"),
                rows("select * from grant_change order by tx_hash, log_index"),
                rows("select * from job order by job"),
                rows("select * from job_state_change order by tx_hash, log_index"),
                rows("select * from usage order by tx_hash, log_index"),
                rows("select * from account_change order by tx_hash, log_index"),
                rows("select * from task order by task"),
                rows("select * from event_subject order by tx_hash, log_index, org, relation"),
                rows("select * from token_end_user order by dt"));
    }
}
