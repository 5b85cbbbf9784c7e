package io.datatoken.tracer.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.datatoken.support.persistence.SchemaMigration;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkflowScheduleTest {

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    @Test
    void keeps_reading_after_failed_runs() {
        FlakyReader reader = new FlakyReader(3);
        WorkflowSchedule schedule = schedule(reader, new Schema(true));

        schedule.start(executor);

        await().atMost(Duration.ofSeconds(10)).until(() -> reader.calls.get() >= 5);
        assertThat(schedule.lastFailure()).isEmpty();
        schedule.stop();
    }

    @Test
    void remembers_the_failure_until_a_run_succeeds() {
        FlakyReader reader = new FlakyReader(1);
        WorkflowSchedule schedule = schedule(reader, new Schema(true));

        schedule.tick();
        assertThat(schedule.lastFailure()).hasValueSatisfying(f -> assertThat(f).contains("database down"));

        schedule.tick();
        assertThat(schedule.lastFailure()).isEmpty();
    }

    @Test
    void reads_nothing_before_the_schema_is_migrated() {
        FlakyReader reader = new FlakyReader(0);
        WorkflowSchedule schedule = schedule(reader, new Schema(false));

        schedule.tick();

        assertThat(reader.calls).hasValue(0);
    }

    private static WorkflowSchedule schedule(WorkflowReader reader, SchemaMigration migration) {
        WorkflowSchedule schedule = new WorkflowSchedule();
        schedule.reader = reader;
        schedule.migration = migration;
        schedule.pollInterval = Duration.ofMillis(10);
        return schedule;
    }

    /** A reader whose database is down for its first runs. */
    static final class FlakyReader extends WorkflowReader {

        final AtomicInteger calls = new AtomicInteger();
        private final int failures;

        FlakyReader(int failures) {
            this.failures = failures;
        }

        @Override
        public int readDue() {
            if (calls.incrementAndGet() <= failures) {
                throw new IllegalStateException("database down");
            }
            return 0;
        }
    }

    /** The tracer's schema, migrated or not, without a database. */
    static final class Schema extends SchemaMigration {

        private final State state;

        Schema(boolean migrated) {
            state = migrated ? new State(true, "6", null) : new State(false, null, "database late");
        }

        @Override
        public synchronized State migrate() {
            return state;
        }

        @Override
        public State state() {
            return state;
        }

        @Override
        public String schema() {
            return "tracer";
        }
    }
}
