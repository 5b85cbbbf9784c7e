package io.datatoken.compute.refusals;

import io.datatoken.compute.runs.NodeAccount;
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
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reports the outbox's due refusals to the tracer every {@link #TICK}, on the server's managed
 * scheduled executor, each signed by the node's account: kept on 200/201; tried again later (the wait
 * doubling from {@link #FIRST_BACKOFF} to {@link #MAX_BACKOFF}) while the tracer or the chain cannot
 * be reached; given up with a log line on the tracer's verdict that it will never keep it. Off when
 * no tracer is configured: refusals then wait in the outbox.
 */
@ApplicationScoped
public class RefusalReporter {

    private static final Logger LOG = Logger.getLogger(RefusalReporter.class.getName());

    static final Duration TICK = Duration.ofSeconds(1);
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(2);
    static final Duration MAX_BACKOFF = Duration.ofMinutes(10);
    /** Refusals reported per tick at most; the rest on the next. */
    static final int BATCH = 50;

    @Inject
    RefusalOutbox outbox;

    @Inject
    NodeAccount account;

    @Inject
    TracerReports tracer;

    @Inject
    SchemaMigration migration;

    @Resource
    ManagedScheduledExecutorService executor;

    Clock clock = Clock.systemUTC();
    Duration firstBackoff = FIRST_BACKOFF;

    private ScheduledFuture<?> ticks;
    /** The last failure to reach the tracer, null after a success: each new one is logged once. */
    private volatile String lastFailure;

    /** After the schema is migrated (whose observer runs first). */
    void onStart(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER)
                 @Initialized(ApplicationScoped.class) Object ignored) {
        if (!tracer.on()) {
            LOG.info("no tracer configured (datatoken.compute.tracer-url): refusals wait in the outbox unreported");
            return;
        }
        start(executor, TICK);
    }

    /** Starts the ticks on this executor. */
    synchronized void start(ScheduledExecutorService on, Duration every) {
        Objects.requireNonNull(on, "executor");
        if (ticks == null) {
            ticks = on.scheduleWithFixedDelay(this::tick, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (ticks != null) {
            ticks.cancel(false);
            ticks = null;
        }
    }

    /** One round; never throws (a tick that threw would end a fixed-delay schedule for good). */
    void tick() {
        try {
            if (!migration.migrate().done()) {
                return;
            }
            reportDue();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "reporting refusals failed, trying again in " + TICK, e);
        }
    }

    /** Reports every due refusal once; returns how many the tracer kept. */
    int reportDue() {
        int kept = 0;
        for (RefusalOutbox.Pending pending : outbox.due(clock.instant(), BATCH)) {
            if (report(pending)) {
                kept++;
            }
        }
        return kept;
    }

    private boolean report(RefusalOutbox.Pending pending) {
        Refusal refusal = pending.refusal();
        try {
            account.ensureRegistered();
            tracer.report(refusal, account.sign(refusal.signedBytes()));
        } catch (TracerReports.Refused refused) {
            LOG.warning(() -> "the tracer will not keep refusal " + refusal.id() + " (" + refusal.code() + " on "
                    + refusal.dt() + "), so it is not reported again: " + refused.getMessage());
            outbox.gaveUp(refusal.id(), refused.getMessage());
            return false;
        } catch (RuntimeException unreachable) {
            // the tracer, the chain or the asset service (adding the node's account) is down: later
            String failure = unreachable.getClass().getSimpleName() + ": " + unreachable.getMessage();
            Duration wait = backoff(pending.attempts());
            outbox.retryAt(refusal.id(), clock.instant().plus(wait), failure);
            if (!failure.equals(lastFailure)) {
                LOG.warning(() -> "refusal " + refusal.id() + " not reported, trying again in " + wait + ": "
                        + failure);
            }
            lastFailure = failure;
            return false;
        }
        outbox.reported(refusal.id(), clock.instant());
        if (lastFailure != null) {
            LOG.info("refusals reach the tracer again");
            lastFailure = null;
        }
        return true;
    }

    /** The wait after the n-th failed attempt (0-based): doubling, capped. */
    Duration backoff(int failedBefore) {
        Duration wait = firstBackoff.multipliedBy(1L << Math.min(failedBefore, 20));
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }
}
