package io.datatoken.job.orchestration;

import io.datatoken.domain.market.ExecutionReceipt;
import io.datatoken.domain.market.JobId;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs started jobs in the background: each job's {@link Run} finds its parties, hands each party's
 * compute node a signed request (retried with a fresh one while the node cannot be reached) and
 * watches the chain until every party's receipt is there, then ends the job on chain. Everything a
 * run learns is written to the {@link PartyBook}, so a restarted service resumes the jobs it left
 * RUNNING (a node answers a second request for the same job, asset and op as it did the first).
 *
 * <p>The work runs on this bean's own {@link ScheduledExecutorService}, not a Jakarta managed
 * executor (the job service's own server enables no {@code concurrent} feature; compute and tracer
 * do): the tasks need no container context beyond what CDI proxies, JTA and JPA give any thread,
 * provided every database read on them is {@code @Transactional}. Waits are scheduled, never slept.
 */
@ApplicationScoped
public class Orchestration {

    private static final Logger LOG = Logger.getLogger(Orchestration.class.getName());

    /** Threads that hand requests to nodes and watch the chain; each blocking call holds one for its duration. */
    static final int THREADS = 8;

    @Inject
    PartyDiscovery discovery;

    @Inject
    ComputeNodes nodes;

    @Inject
    JobsOnChain jobs;

    @Inject
    PartyBook book;

    /** How long each signed request stays valid (a node accepts at most 15 minutes). */
    @Inject
    @ConfigProperty(name = "datatoken.job.dispatch.request-lifetime", defaultValue = "PT10M")
    Duration requestLifetime;

    /** Requests tried per party before it is UNREACHABLE. */
    @Inject
    @ConfigProperty(name = "datatoken.job.dispatch.attempts", defaultValue = "5")
    int attempts;

    /** How long after dispatching began every party's receipt must be on chain, or the job fails. */
    @Inject
    @ConfigProperty(name = "datatoken.job.completion-timeout", defaultValue = "PT10M")
    Duration completionTimeout;

    /** Between two requests to a node that could not be reached. */
    Backoff retries = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(5));

    /** Between two looks at the chain's receipts. */
    Backoff polls = new Backoff(Duration.ofMillis(50), Duration.ofSeconds(1));

    Clock clock = Clock.systemUTC();

    ScheduledExecutorService executor;

    private final ConcurrentMap<JobId, Run> runs = new ConcurrentHashMap<>();
    private final AtomicInteger resumeTries = new AtomicInteger();

    @PostConstruct
    void open() {
        if (attempts < 1) {
            throw new IllegalArgumentException("datatoken.job.dispatch.attempts must be at least 1, not " + attempts);
        }
        if (requestLifetime.isNegative() || requestLifetime.isZero() || completionTimeout.isNegative()
                || completionTimeout.isZero()) {
            throw new IllegalArgumentException("datatoken.job.dispatch.request-lifetime and datatoken.job.completion-timeout "
                    + "must be positive durations (e.g. PT10M)");
        }
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(THREADS, threads());
        pool.setRemoveOnCancelPolicy(true);
        executor = pool;
    }

    @PreDestroy
    void close() {
        // Runs left unfinished are resumed by the next start (their state is in the book).
        executor.shutdownNow();
    }

    /** After the schema is migrated (whose observer runs first), resumes the jobs left RUNNING. */
    void onStart(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER) @Initialized(ApplicationScoped.class)
                 Object ignored) {
        resume();
    }

    /** Begins orchestrating a job that is RUNNING on chain, unless this service already does; returns at once. */
    public void begin(JobId job) {
        begin(job, Dispatch.AUTOMATIC);
    }

    /**
     * As {@link #begin(JobId)}; with {@link Dispatch#MANUAL} the job's owner hands the parties' nodes
     * the requests itself (from {@code /execution-requests}), and this service only watches the chain.
     */
    public void begin(JobId job, Dispatch dispatch) {
        Run run = new Run(this, job, dispatch);
        if (runs.putIfAbsent(job, run) == null) {
            schedule(run::prepare, Duration.ZERO);
        }
    }

    /** Begins again every job this service last saw RUNNING; each run checks the chain first. */
    public void resume() {
        schedule(() -> {
            try {
                // a resumed run keeps its parties' recorded states, so its dispatch mode too
                jobs.running().forEach(this::begin);
            } catch (RuntimeException e) {
                Duration later = retries.after(resumeTries.incrementAndGet());
                LOG.warning(() -> "cannot list the running jobs to resume (" + e.getMessage() + "); trying again in " + later);
                schedule(this::resume, later);
            }
        }, Duration.ZERO);
    }

    /** How the job's orchestration stands, its parties' receipts read from the chain now; empty if it never began. */
    public Optional<JobProgress> progress(JobId job) {
        return book.find(job).map(run -> {
            Map<PartyKey, ExecutionReceipt> receipts = jobs.receipts(job).stream()
                    .collect(Collectors.toMap(r -> new PartyKey(r.dt(), r.op()), Function.identity(), (a, b) -> a));
            return new JobProgress(run.detail(), run.parties().stream()
                    .map(p -> new PartyProgress(p, Optional.ofNullable(receipts.get(p.key())))).toList());
        });
    }

    /** Whether this service is orchestrating the job now. */
    boolean orchestrating(JobId job) {
        return runs.containsKey(job);
    }

    void ended(Run run) {
        runs.remove(run.job(), run);
    }

    void schedule(Runnable task, Duration delay) {
        try {
            executor.schedule(() -> {
                try {
                    task.run();
                } catch (RuntimeException | Error e) {
                    LOG.log(Level.SEVERE, "orchestration task failed", e);
                }
            }, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            LOG.fine("the service stops; the next start resumes what was left");
        }
    }

    private static ThreadFactory threads() {
        ClassLoader application = Orchestration.class.getClassLoader();
        AtomicInteger count = new AtomicInteger();
        ThreadFactory platform = Executors.defaultThreadFactory();
        return task -> {
            Thread thread = platform.newThread(task);
            thread.setName("job-orchestration-" + count.incrementAndGet());
            thread.setDaemon(true);
            thread.setContextClassLoader(application);
            return thread;
        };
    }

    /** @param detail why the job service ended the job or could not dispatch it ({@code ""} if nothing to say) */
    public record JobProgress(String detail, List<PartyProgress> parties) {
    }

    /** A party's record and its receipt, if the chain has it (the party is then DONE). */
    public record PartyProgress(PartyRecord party, Optional<ExecutionReceipt> receipt) {

        public PartyState state() {
            return receipt.isPresent() ? PartyState.DONE : party.state();
        }
    }
}
