package io.datatoken.tracer.workflow;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When to try again a document the content store could not give: after {@code first}, doubling with
 * every failed attempt up to {@code max}, so a store that is down or a document nobody pins costs one
 * request per document now and then, not one per tick.
 */
public record Retries(Duration first, Duration max) {

    public static final Retries DEFAULT = new Retries(Duration.ofSeconds(5), Duration.ofMinutes(10));

    public Retries {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(max, "max");
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("retries need 0 < first <= max, not " + first + " and " + max);
        }
    }

    /** The time of the next attempt after {@code failures} failed ones (1 for the first failure). */
    public Instant next(int failures, Instant now) {
        Duration wait = first;
        for (int i = 1; i < failures && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return now.plus(wait.compareTo(max) < 0 ? wait : max);
    }
}
