package io.datatoken.tracer.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IndexMetricsTest {

    @Test
    void the_lag_gauge_reads_the_indexers_lag() {
        assertThat(metrics(new IndexScheduleTest.FlakyIndexer(0)).lag()).isEqualTo(3L);
    }

    @Test
    void the_lag_gauge_is_minus_one_while_the_chain_cannot_be_read() {
        assertThat(metrics(new IndexScheduleTest.FlakyIndexer(1)).lag()).isEqualTo(-1L);
    }

    private static IndexMetrics metrics(Indexer indexer) {
        IndexMetrics metrics = new IndexMetrics();
        metrics.indexer = indexer;
        return metrics;
    }
}
