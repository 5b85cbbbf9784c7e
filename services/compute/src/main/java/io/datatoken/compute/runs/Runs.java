package io.datatoken.compute.runs;

import io.datatoken.domain.market.Job;
import io.datatoken.domain.market.JobId;
import io.datatoken.domain.market.JobState;
import io.datatoken.domain.market.ResultHash;
import io.datatoken.domain.market.TaskMarketLedger;
import io.datatoken.domain.op.OpHash;
import io.datatoken.domain.organization.LedgerRefusal;
import io.datatoken.domain.organization.LedgerUnavailable;
import io.datatoken.domain.token.DataTokenId;
import io.datatoken.domain.token.DataTokenLedger;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Runs accepted requests: one run per (job, asset, op), opened when the request is accepted and
 * advanced in the background whenever something it waits for arrives. A run starts only once its
 * inputs are all there, and only one thread starts it (a conditional state change). An op of several
 * steps waits again after each step but the last, its party's state sealed with the run. A run ends
 * with the receipt on chain, signed by the node's own account, or FAILED with the reason; either
 * way the party's state is gone.
 */
@ApplicationScoped
public class Runs {

    private static final Logger LOG = Logger.getLogger(Runs.class.getName());
    /** A recheck comes this much after its time, so that the time is surely up. */
    private static final long RECHECK_MARGIN_MILLIS = 100;

    @Inject
    RunBook book;

    @Inject
    JobPlans plans;

    @Inject
    TaskMarketLedger market;

    @Inject
    NodeAccount account;

    @Inject
    DataTokenLedger tokens;

    @Inject
    Instance<OpDriver> drivers;

    @Inject
    PartyStateSeal seal;

    @Resource
    ManagedExecutorService executor;

    /** Looks again at runs that stop waiting after a while ({@link OpDriver#recheckAfter}). */
    @Resource
    ManagedScheduledExecutorService timer;

    /** Opens the run of an accepted request and starts advancing it; a run opened before is returned as is. */
    public OpRun open(JobId job, DataTokenId dt, OpHash op, UUID request) {
        OpRun.Key key = new OpRun.Key(job.value(), dt.value(), op.value());
        String name = plans.opName(op).orElse("unknown");
        OpRun run = book.open(key, name, request);
        executor.execute(() -> advance(key));
        return run;
    }

    /** Something arrived for {@code dt}'s runs in the job: advance those that wait. */
    public void inputArrived(String job, String dt) {
        for (OpRun waiting : book.waiting(job, dt)) {
            executor.execute(() -> advance(waiting.key()));
        }
    }

    void advance(OpRun.Key key) {
        try {
            OpRun run = book.find(key).orElse(null);
            if (run == null || run.state() != OpRun.State.WAITING) {
                return;
            }
            OpDriver driver = driverFor(run.opName());
            RunContext context = contextOf(run);
            List<DataTokenId> missing = driver.missingInputs(context);
            if (!missing.isEmpty()) {
                book.move(key, OpRun.State.WAITING, OpRun.State.WAITING, "waiting for the inputs of " + missing);
                driver.recheckAfter(context).ifPresent(after ->
                        timer.schedule(() -> advance(key), after.toMillis() + RECHECK_MARGIN_MILLIS, TimeUnit.MILLISECONDS));
                return;
            }
            if (!book.move(key, OpRun.State.WAITING, OpRun.State.RUNNING, "running " + run.opName()
                    + (run.step() > 0 ? " (step " + (run.step() + 1) + ")" : ""))) {
                return;
            }
            account.ensureRegistered();
            OpDriver.Outcome outcome = driver.run(context);
            if (!outcome.finished()) {
                book.next(key, seal.seal(key, outcome.nextState()), outcome.detail());
                // what the next step waits for may have arrived while this one ran, and found no run waiting
                executor.execute(() -> advance(key));
                return;
            }
            account.recordReceipt(context.jobId(), context.dt(), context.op(), ResultHash.of(outcome.resultHash()));
            book.succeed(key, outcome.resultHash(), outcome.detail() + "; receipt on chain");
        } catch (RunFailed | LedgerRefusal | LedgerUnavailable e) {
            LOG.log(Level.INFO, "run failed: {0}: {1}", new Object[] {key, e.getMessage()});
            book.fail(key, e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "run " + key + " failed unexpectedly", e);
            book.fail(key, "the node failed unexpectedly (" + e.getClass().getSimpleName() + "); see the node's log");
        }
    }

    private OpDriver driverFor(String opName) {
        Map<String, OpDriver> byName = drivers.stream().collect(Collectors.toMap(OpDriver::opName, Function.identity()));
        OpDriver driver = byName.get(opName);
        if (driver == null) {
            throw new RunFailed("this node has no driver for op '" + opName + "' (it runs " + byName.keySet() + ")");
        }
        return driver;
    }

    private RunContext contextOf(OpRun run) {
        OpRun.Key key = run.key();
        JobId jobId = JobId.of(key.job());
        DataTokenId dt = DataTokenId.of(key.dt());
        Job job = market.findJob(jobId).orElseThrow(() -> new RunFailed("job " + jobId + " is not on the task market"));
        if (job.state() != JobState.RUNNING) {
            throw new RunFailed("job " + jobId + " is " + job.state() + ", not RUNNING: nothing runs for it");
        }
        if (!tokens.isActive(job.algorithm())) {
            throw new RunFailed("job " + jobId + "'s algorithm is no longer authorized (a grant below it was revoked or "
                    + "expired, or an owner suspended): nothing more runs for it");
        }
        JobPlans.Placement placement = plans.placementOf(dt, job.algorithm()).orElseThrow(() -> new RunFailed(
                "no composition in job " + jobId + " names an op for " + dt + " in a document that matches the chain"));
        return new RunContext(key, jobId, dt, OpHash.of(key.op()), job, placement, run.step(),
                run.partyState().map(sealed -> seal.open(key, sealed)));
    }
}
