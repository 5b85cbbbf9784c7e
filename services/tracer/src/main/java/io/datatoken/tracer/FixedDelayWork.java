package io.datatoken.tracer;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Work the tracer repeats with a fixed delay on the server's managed scheduled executor (the index's
 * catch-up, reading compositions' documents). A run that fails is logged — once per distinct
 * failure — and tried again on the next tick: a tick that threw would end a fixed-delay schedule for
 * good.
 */
public abstract class FixedDelayWork {

    private final Logger log = Logger.getLogger(getClass().getName());
    private ScheduledFuture<?> ticks;
    /** The last run's failure, null after a success. */
    private volatile String lastFailure;

    /** Between the end of one run and the start of the next. */
    protected abstract Duration interval();

    /** Why the work cannot run yet (e.g. its schema is not migrated), or empty. */
    protected abstract Optional<String> notReady();

    /** One run; answers how much it did. */
    protected abstract int runOnce();

    /** What the work is, for the log: "index catch-up". */
    protected abstract String what();

    /** Starts the ticks on this executor. */
    public synchronized void start(ScheduledExecutorService on) {
        Objects.requireNonNull(on, "executor");
        Duration every = interval();
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("datatoken.tracer.poll-interval must be a positive duration (e.g. PT1S), not "
                    + every);
        }
        if (ticks == null) {
            ticks = on.scheduleWithFixedDelay(this::tick, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    public synchronized void stop() {
        if (ticks != null) {
            ticks.cancel(false);
            ticks = null;
        }
    }

    /** One run; never throws. */
    public void tick() {
        try {
            Optional<String> waiting = notReady();
            if (waiting.isPresent()) {
                fail(waiting.get(), null);
                return;
            }
            int done = runOnce();
            if (lastFailure != null) {
                log.info(() -> what() + " works again");
                lastFailure = null;
            }
            if (done > 0) {
                log.fine(() -> what() + ": " + done + " done");
            }
        } catch (RuntimeException e) {
            fail(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** The last run's failure; empty after a success. */
    public Optional<String> lastFailure() {
        return Optional.ofNullable(lastFailure);
    }

    private void fail(String failure, Throwable cause) {
        boolean repeated = failure.equals(lastFailure);
        lastFailure = failure;
        log.log(repeated ? Level.FINE : Level.WARNING, what() + " failed, trying again in " + interval() + ": " + failure,
                repeated ? null : cause);
    }
}
