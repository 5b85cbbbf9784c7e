package io.datatoken.tracer.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class IndexHealthTest {

    @BeforeAll
    static void responsesOutsideTheServer() {
        PlainHealthResponses.install();
    }

    @Test
    void is_up_with_the_lag_while_the_chain_answers() {
        HealthCheckResponse response = health(new IndexScheduleTest.FlakyIndexer(0)).index().call();

        assertThat(response.getName()).isEqualTo("tracer-index");
        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(response.getData()).hasValueSatisfying(data -> assertThat(data).containsEntry("lag", 3L));
    }

    @Test
    void is_down_with_the_reason_and_the_last_failure_while_the_chain_does_not() {
        IndexScheduleTest.FlakyIndexer indexer = new IndexScheduleTest.FlakyIndexer(2);
        IndexHealth health = health(indexer);
        health.schedule.tick();

        HealthCheckResponse response = health.index().call();

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(response.getData()).hasValueSatisfying(data -> assertThat(data)
                .containsEntry("reason", "chain down")
                .containsEntry("lastFailure", "LedgerUnavailable: chain down"));
    }

    private static IndexHealth health(Indexer indexer) {
        IndexHealth health = new IndexHealth();
        health.indexer = indexer;
        health.migration = new MigratedSchema();
        health.schedule = new IndexSchedule();
        health.schedule.indexer = indexer;
        health.schedule.migration = health.migration;
        health.schedule.pollInterval = Duration.ofSeconds(1);
        return health;
    }
}
