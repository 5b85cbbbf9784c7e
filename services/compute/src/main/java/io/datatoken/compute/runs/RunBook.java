package io.datatoken.compute.runs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import io.datatoken.domain.token.DataTokenId;

/**
 * The node's book of runs and of the inputs other nodes sent it. Every state change is a
 * conditional update, so two threads (a retried request, two inputs arriving at once) never both
 * start the same run.
 */
@ApplicationScoped
public class RunBook {

    @PersistenceContext(unitName = "compute")
    EntityManager entities;

    Clock clock = Clock.systemUTC();

    public Optional<OpRun> find(OpRun.Key key) {
        return Optional.ofNullable(entities.find(OpRun.class, key));
    }

    /** Opens the run an accepted request asks for; fails if another request opened it first. */
    @Transactional
    public OpRun open(OpRun.Key key, String opName, UUID request) {
        OpRun run = new OpRun(key, opName, request, now());
        entities.persist(run);
        entities.flush();
        return run;
    }

    /** Moves the run from {@code from} to {@code to}; false if it was not in {@code from} (someone else moved it). */
    @Transactional
    public boolean move(OpRun.Key key, OpRun.State from, OpRun.State to, String detail) {
        return entities.createQuery("update OpRun r set r.state = :to, r.detail = :detail, r.updatedAt = :at "
                        + "where r.key = :key and r.state = :from")
                .setParameter("to", to).setParameter("detail", detail).setParameter("at", now())
                .setParameter("key", key).setParameter("from", from)
                .executeUpdate() == 1;
    }

    /** A RUNNING run whose step ran waits for its next step, with the party's sealed state; false if it was not RUNNING. */
    @Transactional
    public boolean next(OpRun.Key key, byte[] sealedState, String detail) {
        OpRun run = entities.find(OpRun.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (run == null || run.state() != OpRun.State.RUNNING) {
            return false;
        }
        run.next(sealedState, detail, now());
        return true;
    }

    @Transactional
    public void succeed(OpRun.Key key, String resultHash, String detail) {
        entities.find(OpRun.class, key).succeed(resultHash, detail, now());
    }

    @Transactional
    public void fail(OpRun.Key key, String detail) {
        entities.find(OpRun.class, key).move(OpRun.State.FAILED, detail, now());
    }

    /** Fails the run only if it still waits (a step may have started meanwhile); false if it did not wait. */
    @Transactional
    public boolean failWaiting(OpRun.Key key, String detail) {
        OpRun run = entities.find(OpRun.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (run == null || run.state() != OpRun.State.WAITING) {
            return false;
        }
        run.move(OpRun.State.FAILED, detail, now());
        return true;
    }

    public List<OpRun> ofJob(String job) {
        return entities.createQuery("select r from OpRun r where r.key.job = :job order by r.startedAt", OpRun.class)
                .setParameter("job", job).getResultList();
    }

    /** The jobs with a run waiting for inputs on this node. */
    public List<String> jobsWaiting() {
        return entities.createQuery("select distinct r.key.job from OpRun r where r.state = :s", String.class)
                .setParameter("s", OpRun.State.WAITING).getResultList();
    }

    /** Every run of the job waiting for inputs on this node. */
    public List<OpRun> waitingOf(String job) {
        return entities.createQuery("select r from OpRun r where r.key.job = :job and r.state = :s", OpRun.class)
                .setParameter("job", job).setParameter("s", OpRun.State.WAITING).getResultList();
    }

    /** The runs of {@code dt} for the job waiting for inputs. */
    public List<OpRun> waiting(String job, String dt) {
        return entities.createQuery("select r from OpRun r where r.key.job = :job and r.key.dt = :dt and r.state = :s",
                        OpRun.class)
                .setParameter("job", job).setParameter("dt", dt).setParameter("s", OpRun.State.WAITING).getResultList();
    }

    /**
     * Keeps an input; the same input again is a no-op (a sender's retry), a different one for the
     * same (job, to, from) is refused.
     */
    @Transactional
    public boolean keep(RunInput input) {
        RunInput existing = entities.find(RunInput.class, input.key());
        if (existing != null) {
            return existing.payloadHash().equals(input.payloadHash());
        }
        entities.persist(input);
        entities.flush();
        return true;
    }

    /** The payload of {@code kind} that {@code from} sent {@code to} for the job, if it arrived. */
    public Optional<String> payload(RunContext run, DataTokenId from, RunInput.Kind kind) {
        return payload(run, from, kind, 0);
    }

    /** The payload of {@code kind} that {@code from} sent {@code to} for a round of the job, if it arrived. */
    public Optional<String> payload(RunContext run, DataTokenId from, RunInput.Kind kind, int round) {
        return Optional.ofNullable(entities.find(RunInput.class, new RunInput.Key(run.jobId().value(), run.dt().value(),
                from.value(), kind, round))).map(RunInput::payload);
    }

    public List<RunInput> inputsTo(String job, String to) {
        return entities.createQuery("select i from RunInput i where i.key.job = :job and i.key.to = :to", RunInput.class)
                .setParameter("job", job).setParameter("to", to).getResultList();
    }

    OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
