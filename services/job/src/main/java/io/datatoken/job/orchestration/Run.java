package io.datatoken.job.orchestration;

import io.datatoken.domain.market.Job;
import io.datatoken.domain.market.JobId;
import io.datatoken.domain.market.JobState;
import io.datatoken.domain.market.SignedExecutionRequest;
import io.datatoken.domain.organization.LedgerRefusal;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * One job's orchestration: prepare (parties found and recorded, or read back after a restart), one
 * attempt chain per DISPATCHING party, and one watcher polling the chain that alone may end the job,
 * so it is ended at most once per run; the chain refuses a second end by anyone
 * ({@code IllegalTransition}), which stops the run.
 */
final class Run {

    private static final Logger LOG = Logger.getLogger(Run.class.getName());
    private static final Comparator<PartyRecord> BY_KEY = Comparator.comparing(PartyRecord::key);

    private final Orchestration o;
    private final JobId id;
    private final Dispatch dispatch;
    private final Map<PartyKey, PartyRecord> parties = new ConcurrentHashMap<>();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private volatile Job job;
    private volatile Instant deadline;
    private volatile String cannotDispatch = "";
    private int prepareTries;
    /** Touched by the watcher only, whose polls never overlap. */
    private int polls;

    Run(Orchestration orchestration, JobId id, Dispatch dispatch) {
        this.o = orchestration;
        this.id = id;
        this.dispatch = dispatch;
    }

    JobId job() {
        return id;
    }

    void prepare() {
        if (stopped.get()) {
            return;
        }
        try {
            Optional<Job> onChain = o.jobs.find(id);
            if (onChain.isEmpty() || onChain.get().state() != JobState.RUNNING) {
                stop(onChain.isPresent());
                return;
            }
            job = onChain.get();
            RunRecord run = o.book.find(id).orElseGet(this::enlist);
            deadline = run.beganAt().plus(o.completionTimeout);
            cannotDispatch = run.detail();
            run.parties().forEach(p -> parties.put(p.key(), p));
            for (PartyRecord party : run.parties()) {
                if (party.state() == PartyState.DISPATCHING) {
                    o.schedule(() -> attempt(party.key(), 1), Duration.ZERO);
                }
            }
            o.schedule(this::watch, Duration.ZERO);
        } catch (RuntimeException e) {
            Duration later = o.retries.after(++prepareTries);
            LOG.warning(() -> "cannot prepare job " + id + " (" + e + "); trying again in " + later);
            o.schedule(this::prepare, later);
        }
    }

    /** Finds the parties and records them; a job whose parties cannot be found is recorded with none, and why. */
    private RunRecord enlist() {
        Instant now = o.clock.instant();
        try {
            return o.book.begin(id, now, o.discovery.partiesOf(job.algorithm()).stream()
                    .map(p -> dispatch == Dispatch.MANUAL ? PartyRecord.handedToOwner(p, now) : PartyRecord.enlisted(p, now))
                    .toList());
        } catch (CannotDispatch e) {
            RunRecord run = o.book.begin(id, now, List.of());
            o.book.note(id, e.getMessage());
            return o.book.find(id).orElse(run);
        }
    }

    /** The {@code n}-th try (in this run) to hand the party's node a fresh request. */
    private void attempt(PartyKey key, int n) {
        PartyRecord party = parties.get(key);
        if (stopped.get() || party.state() != PartyState.DISPATCHING) {
            return;
        }
        int total = party.attempts() + 1;
        NodeAnswer answer;
        try {
            SignedExecutionRequest request = o.jobs.request(job, key.dt(), key.op(), o.requestLifetime);
            answer = o.nodes.submit(party.node(), request);
        } catch (RuntimeException e) {
            // signing needs the chain and this service's account for the owner: both may be back later
            answer = new NodeAnswer.Unavailable("cannot sign a request for " + job.owner() + ": " + e.getMessage());
        }
        switch (answer) {
            case NodeAnswer.Accepted accepted ->
                    move(key, PartyState.ACCEPTED, total, List.of(), "accepted by the node at " + party.node());
            case NodeAnswer.Refused refused ->
                    move(key, PartyState.REFUSED, total, refused.reasons(), "refused by the node at " + party.node() + ": "
                            + refused.detail());
            case NodeAnswer.Unavailable unavailable when n >= o.attempts ->
                    move(key, PartyState.UNREACHABLE, total, List.of(), "no answer from the node at " + party.node()
                            + " after " + total + " attempts; the last: " + unavailable.error());
            case NodeAnswer.Unavailable unavailable -> {
                Duration later = o.retries.after(n);
                move(key, PartyState.DISPATCHING, total, List.of(), "attempt " + n + " failed: " + unavailable.error()
                        + "; trying again in " + later);
                o.schedule(() -> attempt(key, n + 1), later);
            }
        }
    }

    /** One look at the chain; the next is scheduled unless the run ended. */
    private void watch() {
        if (stopped.get()) {
            return;
        }
        try {
            Optional<Job> now = o.jobs.find(id);
            if (now.isEmpty() || now.get().state() != JobState.RUNNING) {
                // revoked or ended by someone else: nothing left to do here
                stop(true);
                return;
            }
            Set<PartyKey> receipted = o.jobs.receipts(id).stream().map(r -> new PartyKey(r.dt(), r.op()))
                    .collect(Collectors.toSet());
            parties.keySet().stream().filter(receipted::contains).forEach(this::done);
            askNodesAboutFailures();
            List<PartyRecord> all = List.copyOf(parties.values());
            Dropouts dropouts = Dropouts.of(all, o.clock.instant());
            if (!all.isEmpty() && all.stream().allMatch(p -> p.state() == PartyState.DONE || dropouts.out(p))
                    && dropouts.everyCompositionFinished()) {
                conclude(true, dropouts.none() ? "ended as SUCCEEDED: every party's receipt is on chain"
                        : "ended as SUCCEEDED: every party's receipt is on chain but those of the parties that dropped out: "
                        + dropouts.describe());
                return;
            }
            List<PartyRecord> failed = all.stream().filter(p -> p.state().failed() && (!p.mayDropOut()
                    || dropouts.everyoneOut(p.composition()))).sorted(BY_KEY).toList();
            if (all.isEmpty() || !failed.isEmpty()) {
                conclude(false, all.isEmpty()
                        ? "ended as FAILED: " + (cannotDispatch.isEmpty() ? "no party to run" : cannotDispatch)
                        : "ended as FAILED: " + failed.stream()
                        .map(p -> p.dt() + " (" + p.owner() + ") is " + p.state() + ": " + p.detail())
                        .collect(Collectors.joining("; ")));
                return;
            }
            if (!o.clock.instant().isBefore(deadline)) {
                conclude(false, "ended as FAILED: no receipt within " + o.completionTimeout + " for " + all.stream()
                        .filter(p -> p.state() != PartyState.DONE).sorted(BY_KEY)
                        .map(p -> p.dt() + " (" + p.owner() + ", " + p.state() + ")").collect(Collectors.joining(", ")));
                return;
            }
        } catch (RuntimeException e) {
            LOG.warning(() -> "cannot watch job " + id + " now (" + e + "); looking again soon");
        }
        o.schedule(this::watch, o.polls.after(++polls));
    }

    /**
     * A node that accepted a request reports a run that failed (no dataset bound, a peer refused a
     * share, the op crashed) in its runs; without asking, the job would wait for the timeout.
     */
    private void askNodesAboutFailures() {
        for (PartyRecord party : List.copyOf(parties.values())) {
            if (party.state() == PartyState.ACCEPTED) {
                o.nodes.failure(party.node(), id, party.dt(), party.op()).ifPresent(why -> move(party.key(),
                        PartyState.FAILED, party.attempts(), List.of(), "the node at " + party.node() + " reports the "
                                + "run failed: " + why));
            }
        }
    }

    /** Ends the job on chain, then says why; if the chain may not have taken it, the next look decides again. */
    private void conclude(boolean succeeded, String detail) {
        try {
            o.jobs.finish(job, succeeded);
        } catch (LedgerRefusal refused) {
            // IllegalTransition: someone else ended or revoked it meanwhile, and that stands
            if (!"IllegalTransition".equals(refused.reason())) {
                note("the chain refused to end the job (" + detail + "): " + refused.getMessage());
            }
            stop(true);
            return;
        } catch (RuntimeException unavailable) {
            LOG.warning(() -> "cannot end job " + id + " now (" + unavailable + "); looking again soon");
            o.schedule(this::watch, o.polls.after(++polls));
            return;
        }
        note(detail);
        stop(false);
    }

    private synchronized void done(PartyKey key) {
        PartyRecord[] changed = new PartyRecord[1];
        parties.computeIfPresent(key, (k, current) -> current.state() == PartyState.DONE ? current
                : (changed[0] = current.moved(PartyState.DONE, current.attempts(), current.reasons(), current.detail(),
                o.clock.instant())));
        if (changed[0] != null) {
            persist(changed[0]);
        }
    }

    /**
     * Moves the party unless it ended meanwhile (its receipt made it DONE, or it was refused, unreachable
     * or failed). Synchronized with the write, so the book gets the changes in the order the map got them:
     * a dispatch thread's late ACCEPTED never overwrites the watcher's FAILED.
     */
    private synchronized void move(PartyKey key, PartyState state, int attempts, List<String> reasons, String detail) {
        PartyRecord[] changed = new PartyRecord[1];
        parties.computeIfPresent(key, (k, current) -> current.state() == PartyState.DONE || current.state().failed()
                ? current : (changed[0] = current.moved(state, attempts, reasons, detail, o.clock.instant())));
        if (changed[0] != null) {
            persist(changed[0]);
        }
    }

    private void persist(PartyRecord party) {
        try {
            o.book.update(id, party);
        } catch (RuntimeException e) {
            LOG.warning(() -> "cannot record party " + party.key() + " of job " + id + " (" + e + ")");
        }
    }

    private void note(String detail) {
        try {
            o.book.note(id, detail);
        } catch (RuntimeException e) {
            LOG.warning(() -> "cannot record why job " + id + " ended (" + e + "): " + detail);
        }
    }

    private void stop(boolean refresh) {
        if (stopped.compareAndSet(false, true)) {
            o.ended(this);
            if (refresh) {
                try {
                    o.jobs.refresh(id);
                } catch (RuntimeException e) {
                    LOG.fine(() -> "cannot refresh job " + id + " on the board (" + e + ")");
                }
            }
        }
    }
}
