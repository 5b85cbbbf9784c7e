package io.datatoken.compute.executions;

import static org.assertj.core.api.Assertions.assertThat;

import io.datatoken.compute.refusals.Outboxes;
import io.datatoken.domain.market.ExecutionRefusal;
import io.datatoken.support.persistence.MigratedSchemaTestBase;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** A refused request is recorded in the audit trail and queued for the tracer in the same transaction. */
class ExecutionLogRefusalsTest extends MigratedSchemaTestBase {

    private static final String JOB = "0x" + "5".repeat(64);
    private static final String DT = "0x" + "a".repeat(64);
    private static final String OP = "0x" + "c".repeat(64);

    @Override
    protected String schema() {
        return "compute";
    }

    @Test
    void a_refused_request_is_queued_under_its_id_with_every_code_and_reason() {
        ExecutionRecord refused = record("REFUSED", "job-not-running replayed");

        withLog(log -> log.recordRefused(refused, List.of(
                new ExecutionRefusal(ExecutionRefusal.Reason.JOB_NOT_RUNNING, "the job is SUBMITTED, not RUNNING"),
                new ExecutionRefusal(ExecutionRefusal.Reason.REPLAYED, "nonce 0x01 was used before"))));

        assertThat(queued(refused.id())).containsExactly(JOB, DT, OP, "job-not-running replayed",
                "job-not-running: the job is SUBMITTED, not RUNNING; replayed: nonce 0x01 was used before", "PENDING");
        assertThat(recorded(refused.id())).isTrue();
    }

    @Test
    void a_request_for_another_organizations_asset_is_recorded_but_not_queued() {
        ExecutionRecord refused = record("REFUSED", "not-this-nodes-asset");

        withLog(log -> log.recordRefused(refused, List.of(new ExecutionRefusal(
                ExecutionRefusal.Reason.NOT_THIS_NODES_ASSET, DT + " is not an asset of 'bank-a'"))));

        assertThat(recorded(refused.id())).isTrue();
        assertThat(queued(refused.id())).isEmpty();
    }

    @Test
    void an_accepted_request_is_not_queued() {
        ExecutionRecord accepted = record("ACCEPTED", "");

        withLog(log -> log.record(accepted));

        assertThat(recorded(accepted.id())).isTrue();
        assertThat(queued(accepted.id())).isEmpty();
    }

    private static ExecutionRecord record(String outcome, String reasons) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        return new ExecutionRecord(UUID.randomUUID(), "0x" + "1".repeat(40), "0x" + UUID.randomUUID().toString()
                .replace("-", "").repeat(2), JOB, DT, OP, now.plusMinutes(5), now, outcome, reasons);
    }

    private void withLog(Consumer<ExecutionLog> work) {
        inTransaction(em -> {
            em.createNativeQuery("select set_config('search_path', 'compute', true)").getSingleResult();
            ExecutionLog log = new ExecutionLog();
            log.entities = em;
            log.outbox = Outboxes.on(em);
            work.accept(log);
        });
    }

    private List<Object> queued(UUID id) {
        Object[] row = new Object[1];
        inTransaction(em -> row[0] = em.createNativeQuery("select job, dt, op, code, detail, state from "
                + "compute.refusal_report where id = cast(?1 as uuid)").setParameter(1, id.toString())
                .getResultList().stream().findFirst().orElse(null));
        return row[0] == null ? List.of() : Arrays.asList((Object[]) row[0]);
    }

    private boolean recorded(UUID id) {
        boolean[] found = new boolean[1];
        inTransaction(em -> found[0] = em.find(ExecutionRecord.class, id) != null);
        return found[0];
    }
}
