package io.datatoken.tracer.index;

import io.datatoken.support.persistence.SchemaMigration;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Catches the index up with the chain every {@code datatoken.tracer.poll-interval}, on the server's
 * managed scheduled executor (CDI, JTA and JPA work on its threads). A failed catch-up (chain or
 * database down, a reorganization too deep) is logged and tried again on the next tick: a tick that
 * threw would end a fixed-delay schedule for good.
 */
@ApplicationScoped
public class IndexSchedule {

    private static final Logger LOG = Logger.getLogger(IndexSchedule.class.getName());

    @Inject
    Indexer indexer;

    @Inject
    SchemaMigration migration;

    /** Between the end of one catch-up and the start of the next. */
    @Inject
    @ConfigProperty(name = "datatoken.tracer.poll-interval", defaultValue = "PT1S")
    Duration pollInterval;

    @Resource
    ManagedScheduledExecutorService executor;

    private ScheduledFuture<?> ticks;
    /** The last catch-up's failure, null after a success: each new failure is logged once. */
    private volatile String lastFailure;

    /** After the schema is migrated (whose observer runs first). */
    void onStart(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER)
                 @Initialized(ApplicationScoped.class) Object ignored) {
        start(executor);
    }

    /** Starts the ticks on this executor. */
    synchronized void start(ScheduledExecutorService on) {
        Objects.requireNonNull(on, "executor");
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("datatoken.tracer.poll-interval must be a positive duration (e.g. PT1S), not "
                    + pollInterval);
        }
        if (ticks == null) {
            ticks = on.scheduleWithFixedDelay(this::tick, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (ticks != null) {
            ticks.cancel(false);
            ticks = null;
        }
    }

    /** One catch-up; never throws. */
    void tick() {
        try {
            if (!migration.migrate().done()) {
                fail("the schema " + migration.schema() + " is not migrated: " + migration.state().failure(), null);
                return;
            }
            int applied = indexer.catchUp();
            if (lastFailure != null) {
                LOG.info(() -> "the index catches up again");
                lastFailure = null;
            }
            if (applied > 0) {
                LOG.fine(() -> "indexed " + applied + " events");
            }
        } catch (RuntimeException e) {
            fail(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** The last catch-up's failure; empty after a success. */
    Optional<String> lastFailure() {
        return Optional.ofNullable(lastFailure);
    }

    private void fail(String failure, Throwable cause) {
        boolean repeated = failure.equals(lastFailure);
        lastFailure = failure;
        LOG.log(repeated ? Level.FINE : Level.WARNING, "index catch-up failed, trying again in " + pollInterval
                + ": " + failure, repeated ? null : cause);
    }
}
