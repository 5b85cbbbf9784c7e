package io.datatoken.tracer.workflow;

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
 * Reads the documents due every {@code datatoken.tracer.poll-interval}, on the server's managed
 * scheduled executor, apart from the index's catch-up: a slow content store never holds the index
 * back. A failed run (database down) is logged and tried again on the next tick, as a tick that threw
 * would end a fixed-delay schedule for good.
 */
@ApplicationScoped
public class WorkflowSchedule {

    private static final Logger LOG = Logger.getLogger(WorkflowSchedule.class.getName());

    @Inject
    WorkflowReader reader;

    @Inject
    SchemaMigration migration;

    /** Between the end of one run and the start of the next: the index's poll interval. */
    @Inject
    @ConfigProperty(name = "datatoken.tracer.poll-interval", defaultValue = "PT1S")
    Duration pollInterval;

    @Resource
    ManagedScheduledExecutorService executor;

    private ScheduledFuture<?> ticks;
    /** The last run's failure, null after a success: each new failure is logged once. */
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

    /** One run; never throws. */
    void tick() {
        try {
            // the index's schedule migrates a late schema and reports it; its tables are needed here
            if (!migration.state().done()) {
                return;
            }
            int read = reader.readDue();
            if (lastFailure != null) {
                LOG.info(() -> "compositions' documents are read again");
                lastFailure = null;
            }
            if (read > 0) {
                LOG.fine(() -> "read " + read + " compositions' documents");
            }
        } catch (RuntimeException e) {
            String failure = e.getClass().getSimpleName() + ": " + e.getMessage();
            boolean repeated = failure.equals(lastFailure);
            lastFailure = failure;
            LOG.log(repeated ? Level.FINE : Level.WARNING, "reading compositions' documents failed, trying again in "
                    + pollInterval + ": " + failure, repeated ? null : e);
        }
    }

    /** The last run's failure; empty after a success. */
    Optional<String> lastFailure() {
        return Optional.ofNullable(lastFailure);
    }
}
