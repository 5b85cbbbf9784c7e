package io.datatoken.tracer.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetriesTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private final Retries retries = new Retries(Duration.ofSeconds(5), Duration.ofSeconds(30));

    @Test
    void waits_double_with_each_failure_up_to_the_longest_wait() {
        assertThat(retries.next(1, NOW)).isEqualTo(NOW.plusSeconds(5));
        assertThat(retries.next(2, NOW)).isEqualTo(NOW.plusSeconds(10));
        assertThat(retries.next(3, NOW)).isEqualTo(NOW.plusSeconds(20));
        assertThat(retries.next(4, NOW)).isEqualTo(NOW.plusSeconds(30));
        assertThat(retries.next(Integer.MAX_VALUE, NOW)).isEqualTo(NOW.plusSeconds(30));
    }

    @Test
    void a_first_wait_of_zero_would_retry_in_the_same_run() {
        assertThatThrownBy(() -> new Retries(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Retries(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
