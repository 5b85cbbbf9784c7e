package io.datatoken.compute.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datatoken.privacy.stats.Moments;
import io.datatoken.privacy.stats.PartialMoments;
import org.junit.jupiter.api.Test;

class JointStatsResultsTest {

    @Test
    void reads_a_stats_sum_partial_in_ring_words_as_the_privacy_module_writes_it() {
        PartialMoments partial = JointStatsResults.partial("{\"node\":1,\"parties\":[\"0xa\",\"0xb\"],\"sum\":{"
                + "\"count\":\"0000000000000006\",\"sum\":\"ffffffffffffffff\",\"squaresLow\":\"0000000000000010\","
                + "\"squaresHigh\":\"0000000000000000\"}}");

        assertThat(partial).isEqualTo(new PartialMoments(1, java.util.List.of("0xa", "0xb"), new Moments(6, -1, 16, 0)));
    }

    @Test
    void refuses_a_word_that_is_not_sixteen_hex_digits() {
        assertThatThrownBy(() -> JointStatsResults.partial("{\"node\":0,\"parties\":[],\"sum\":{\"count\":\"6\","
                + "\"sum\":\"0000000000000000\",\"squaresLow\":\"0000000000000000\",\"squaresHigh\":\"0000000000000000\"}}"))
                .hasMessageContaining("'count' is not a ring word");
    }
}
