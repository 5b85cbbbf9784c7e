package io.datatoken.tracer.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.datatoken.domain.organization.LedgerUnavailable;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IndexScheduleTest {

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    @Test
    void keeps_catching_up_after_a_chain_outage() {
        FlakyIndexer indexer = new FlakyIndexer(3);
        IndexSchedule schedule = schedule(indexer, new MigratedSchema());

        schedule.start(executor);

        await().atMost(Duration.ofSeconds(10)).until(() -> indexer.calls.get() >= 5);
        assertThat(schedule.lastFailure()).isEmpty();
        schedule.stop();
    }

    @Test
    void remembers_the_failure_until_a_catch_up_succeeds() {
        FlakyIndexer indexer = new FlakyIndexer(1);
        IndexSchedule schedule = schedule(indexer, new MigratedSchema());

        schedule.tick();
        assertThat(schedule.lastFailure()).hasValueSatisfying(f -> assertThat(f).contains("chain down"));

        schedule.tick();
        assertThat(schedule.lastFailure()).isEmpty();
        assertThat(indexer.calls).hasValue(2);
    }

    @Test
    void waits_for_the_schema() {
        FlakyIndexer indexer = new FlakyIndexer(0);
        IndexSchedule schedule = schedule(indexer, new MigratedSchema().notMigrated("database late"));

        schedule.tick();

        assertThat(indexer.calls).hasValue(0);
        assertThat(schedule.lastFailure()).hasValueSatisfying(f -> assertThat(f).contains("database late"));
    }

    private static IndexSchedule schedule(Indexer indexer, MigratedSchema migration) {
        IndexSchedule schedule = new IndexSchedule();
        schedule.indexer = indexer;
        schedule.migration = migration;
        schedule.pollInterval = Duration.ofMillis(10);
        return schedule;
    }

    /** An indexer whose chain is down for its first catch-ups. */
    static final class FlakyIndexer extends Indexer {

        final AtomicInteger calls = new AtomicInteger();
        private final int failures;

        FlakyIndexer(int failures) {
            this.failures = failures;
        }

        @Override
        public int catchUp() {
            if (calls.incrementAndGet() <= failures) {
                throw new LedgerUnavailable("chain down", null);
            }
            return 0;
        }

        @Override
        public long lag() {
            if (calls.get() < failures) {
                throw new LedgerUnavailable("chain down", null);
            }
            return 3;
        }
    }
}
