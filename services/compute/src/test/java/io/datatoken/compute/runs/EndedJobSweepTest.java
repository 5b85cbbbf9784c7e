package io.datatoken.compute.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.datatoken.domain.market.ExecutionReceipt;
import io.datatoken.domain.market.Job;
import io.datatoken.domain.market.JobId;
import io.datatoken.domain.market.JobState;
import io.datatoken.domain.market.ResultHash;
import io.datatoken.domain.market.Task;
import io.datatoken.domain.market.TaskId;
import io.datatoken.domain.market.TaskMarketLedger;
import io.datatoken.domain.op.OpHash;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.token.DataTokenId;
import io.datatoken.support.persistence.MigratedSchemaTestBase;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A party's state lives while its run goes on: kept sealed between steps, deleted when the run ends,
 * and deleted by the sweep when the job ends while the run waits.
 */
class EndedJobSweepTest extends MigratedSchemaTestBase {

    private static final String DT = "0x" + "a".repeat(64);
    private static final String OP = "0x" + "c".repeat(64);
    private static final PartyStateSeal SEAL = PartyStateSeal.derivedFrom("0x" + "4".repeat(64));

    private final Map<String, JobState> chain = new HashMap<>();

    @Override
    protected String schema() {
        return "compute";
    }

    @Test
    void a_step_keeps_the_sealed_state_and_the_run_waits_for_the_next() {
        OpRun.Key key = runningRun(job("1"));

        withBook((em, book) -> assertThat(book.next(key, SEAL.seal(key, "{\"secret\":1}"), "blinded")).isTrue());

        withBook((em, book) -> {
            OpRun run = book.find(key).orElseThrow();
            assertThat(run.state()).isEqualTo(OpRun.State.WAITING);
            assertThat(run.step()).isEqualTo(1);
            assertThat(SEAL.open(key, run.partyState().orElseThrow())).isEqualTo("{\"secret\":1}");
            assertThat(book.next(key, new byte[16], "again")).as("only a RUNNING run steps on").isFalse();
        });
    }

    @Test
    void the_sweep_ends_the_waiting_runs_of_an_ended_job_and_deletes_their_state_only() {
        String revoked = job("2");
        String running = job("3");
        OpRun.Key ended = runningRun(revoked);
        OpRun.Key goesOn = runningRun(running);
        withBook((em, book) -> {
            book.next(ended, SEAL.seal(ended, "{}"), "waiting");
            book.next(goesOn, SEAL.seal(goesOn, "{}"), "waiting");
        });
        chain.put(revoked, JobState.REVOKED);
        chain.put(running, JobState.RUNNING);

        withBook((em, book) -> assertThat(sweep(book).sweep()).isEqualTo(1));

        withBook((em, book) -> {
            OpRun endedRun = book.find(ended).orElseThrow();
            assertThat(endedRun.state()).isEqualTo(OpRun.State.FAILED);
            assertThat(endedRun.detail()).contains("ended REVOKED");
            assertThat(endedRun.partyState()).isEmpty();
            assertThat(book.find(goesOn).orElseThrow().partyState()).isPresent();
            assertThat(book.find(goesOn).orElseThrow().state()).isEqualTo(OpRun.State.WAITING);
        });
    }

    @Test
    void a_run_that_ends_either_way_keeps_no_state() {
        OpRun.Key key = runningRun(job("4"));
        withBook((em, book) -> book.next(key, SEAL.seal(key, "{}"), "waiting"));

        withBook((em, book) -> {
            book.move(key, OpRun.State.WAITING, OpRun.State.RUNNING, "step 2");
            book.succeed(key, "0x" + "9".repeat(64), "done");
        });

        withBook((em, book) -> assertThat(book.find(key).orElseThrow().partyState()).isEmpty());
        assertThat(EndedJobSweep.endedBecause(Optional.empty())).hasValueSatisfying(w -> assertThat(w)
                .contains("not on the task market"));
    }

    private EndedJobSweep sweep(RunBook book) {
        EndedJobSweep sweep = new EndedJobSweep();
        sweep.book = book;
        sweep.market = new ChainOfStates();
        return sweep;
    }

    private static String job(String digit) {
        return "0x" + digit.repeat(64);
    }

    /** A run opened by an accepted request and moved to RUNNING, as Runs does. */
    private OpRun.Key runningRun(String job) {
        OpRun.Key key = new OpRun.Key(job, DT, OP);
        UUID request = UUID.randomUUID();
        withBook((em, book) -> {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
            em.createNativeQuery("insert into execution_request (id, signer, nonce, job, dt, op, expires_at, received_at, "
                            + "outcome, reasons) values (?, ?, ?, ?, ?, ?, ?, ?, 'ACCEPTED', '')")
                    .setParameter(1, request).setParameter(2, "0x" + "1".repeat(40))
                    .setParameter(3, "0x" + UUID.randomUUID().toString().replace("-", "").repeat(2))
                    .setParameter(4, job).setParameter(5, DT).setParameter(6, OP)
                    .setParameter(7, now.plusMinutes(5)).setParameter(8, now).executeUpdate();
            book.open(key, "psi-request", request);
            book.move(key, OpRun.State.WAITING, OpRun.State.RUNNING, "running");
        });
        return key;
    }

    private void withBook(java.util.function.BiConsumer<EntityManager, RunBook> work) {
        inTransaction(em -> {
            em.createNativeQuery("select set_config('search_path', 'compute', true)").getSingleResult();
            RunBook book = new RunBook();
            book.entities = em;
            work.accept(em, book);
        });
    }

    /** The jobs' states as the test sets them; nothing else of the task market is asked. */
    private final class ChainOfStates implements TaskMarketLedger {
        @Override
        public Optional<Job> findJob(JobId id) {
            return Optional.ofNullable(chain.get(id.value())).map(state -> new Job(id, TaskId.of("0x" + "7".repeat(64)),
                    DataTokenId.of("0x" + "b".repeat(64)), OrganizationAlias.of("vendor-a"), state, Instant.EPOCH,
                    Instant.EPOCH));
        }

        @Override public void createTask(TaskId id, String description) { throw new UnsupportedOperationException(); }
        @Override public void closeTask(TaskId id) { throw new UnsupportedOperationException(); }
        @Override public void submitJob(JobId id, TaskId task, DataTokenId algorithm) { throw new UnsupportedOperationException(); }
        @Override public void markAuthorized(JobId id) { throw new UnsupportedOperationException(); }
        @Override public void start(JobId id) { throw new UnsupportedOperationException(); }
        @Override public void recordReceipt(JobId id, DataTokenId dt, OpHash op, ResultHash result) { throw new UnsupportedOperationException(); }
        @Override public void finish(JobId id, boolean succeeded) { throw new UnsupportedOperationException(); }
        @Override public void revoke(JobId id) { throw new UnsupportedOperationException(); }
        @Override public Optional<Task> findTask(TaskId id) { throw new UnsupportedOperationException(); }
        @Override public List<ExecutionReceipt> receipts(JobId id) { throw new UnsupportedOperationException(); }
    }
}
