package io.datatoken.compute.runs;

import io.datatoken.domain.market.Job;
import io.datatoken.domain.market.JobId;
import io.datatoken.domain.market.JobState;
import io.datatoken.domain.market.TaskMarketLedger;
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
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Ends the runs that wait for a job that ended meanwhile (revoked, failed because another party
 * failed, past its time limit): nothing will ever arrive for them, and a party's sealed state must
 * not outlive its job (decision 0018). Looks at the chain for each job with a waiting run, every
 * {@code datatoken.compute.sweep-interval}.
 */
@ApplicationScoped
public class EndedJobSweep {

    private static final Logger LOG = Logger.getLogger(EndedJobSweep.class.getName());

    static final Set<JobState> ENDED = EnumSet.of(JobState.SUCCEEDED, JobState.FAILED, JobState.REVOKED);

    @Inject
    RunBook book;

    @Inject
    TaskMarketLedger market;

    @Inject
    SchemaMigration migration;

    @Inject
    @ConfigProperty(name = "datatoken.compute.sweep-interval", defaultValue = "PT30S")
    Duration every;

    @Resource
    ManagedScheduledExecutorService executor;

    private ScheduledFuture<?> ticks;

    /** After the schema is migrated (whose observer runs first). */
    synchronized void onStart(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER)
                              @Initialized(ApplicationScoped.class) Object ignored) {
        if (ticks == null) {
            ticks = executor.scheduleWithFixedDelay(this::tick, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
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
            if (migration.migrate().done()) {
                sweep();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "sweeping the runs of ended jobs failed, trying again in " + every, e);
        }
    }

    /** Fails every waiting run of a job that ended or is gone from the chain; returns how many. */
    int sweep() {
        int ended = 0;
        for (String job : book.jobsWaiting()) {
            Optional<String> why = endedBecause(market.findJob(JobId.of(job)));
            if (why.isEmpty()) {
                continue;
            }
            for (OpRun run : book.waitingOf(job)) {
                if (book.failWaiting(run.key(), why.get())) {
                    ended++;
                }
            }
        }
        return ended;
    }

    /** Why a run of this job can never go on, if it cannot. */
    static Optional<String> endedBecause(Optional<Job> job) {
        if (job.isEmpty()) {
            return Optional.of("the job is not on the task market: nothing more runs for it; the party's state is deleted");
        }
        JobState state = job.get().state();
        return ENDED.contains(state) ? Optional.of("the job ended " + state + " while this run waited for its inputs; "
                + "the party's state is deleted") : Optional.empty();
    }
}
