package io.datatoken.job.orchestration;

import java.time.Duration;
import java.util.Objects;

/** Waits that double from {@code first} up to {@code cap}. */
record Backoff(Duration first, Duration cap) {

    Backoff {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(cap, "cap");
    }

    /** The wait after the {@code n}-th try (1-based). */
    Duration after(int n) {
        long millis = first.toMillis() << Math.min(Math.max(n - 1, 0), 30);
        return millis >= cap.toMillis() || millis < 0 ? cap : Duration.ofMillis(millis);
    }
}
