package io.datatoken.job.market;

import io.datatoken.domain.market.ExecutionRequest;
import io.datatoken.domain.market.Job;
import io.datatoken.domain.market.JobId;
import io.datatoken.domain.market.SignedExecutionRequest;
import io.datatoken.domain.market.Task;
import io.datatoken.domain.market.TaskId;
import io.datatoken.domain.op.OpHash;
import io.datatoken.domain.organization.LedgerRefusal;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.token.DataTokenId;
import io.datatoken.job.custody.CustodialAccounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * Tasks and jobs on the chain's task market, signed by this service's account for the caller's
 * organization. The chain decides every transition (a job is authorized, and starts, only while
 * everything below its algorithm is authorized); the board mirrors what the chain says.
 */
@ApplicationScoped
public class Market {

    /** The board keeps a task's description as its title. */
    public static final int MAX_DESCRIPTION_LENGTH = 200;

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    TaskMarkets markets;

    @Inject
    CustodialAccounts custody;

    @Inject
    TaskBoard board;

    @Inject
    ExecutionRequestSigner requests;

    Clock clock = Clock.systemUTC();

    /**
     * Posts a task for the organization; with a key, the task the same key posted before if there is one
     * (its description must be the same), recorded on the board if an earlier attempt did not get that far.
     */
    public Posted<TaskEntry> createTask(OrganizationAlias organization, String description, Optional<IdempotencyKey> key) {
        if (description == null) {
            throw new IllegalArgumentException("'description' is required: what the task needs");
        }
        Task.requireDescription(description);
        if (description.length() > MAX_DESCRIPTION_LENGTH) {
            throw new IllegalArgumentException("a task description has at most " + MAX_DESCRIPTION_LENGTH
                    + " characters; it had " + description.length());
        }
        TaskId id = key.map(k -> k.taskId(organization)).orElseGet(() -> TaskId.of(randomId()));
        custody.actingFor(organization);
        try {
            markets.signedBy(organization).createTask(id, description);
        } catch (LedgerRefusal refused) {
            if (key.isEmpty() || !"TaskExists".equals(refused.reason())) {
                throw refused;
            }
            Task earlier = markets.reader().findTask(id).orElseThrow(() -> refused);
            if (!earlier.owner().equals(organization) || !earlier.description().equals(description)) {
                throw new KeyReused("this " + IdempotencyKey.HEADER + " already posted task " + id + " with another "
                        + "description; send a new key for a new task");
            }
            return new Posted<>(board.task(id.value()).orElseGet(() -> board.record(new TaskEntry(UUID.randomUUID(),
                    organization.value(), description, at(earlier.createdAt()), id.value(), null))), true);
        }
        return new Posted<>(board.record(new TaskEntry(UUID.randomUUID(), organization.value(), description, now(),
                id.value(), null)), false);
    }

    /**
     * Submits the algorithm as a job to the task; with a key, the job the same key submitted before if
     * there is one (same task and algorithm), which the board then follows as any job it sees.
     */
    public Posted<JobEntry> submitJob(OrganizationAlias organization, TaskId task, DataTokenId algorithm,
                                      Optional<IdempotencyKey> key) {
        JobId id = key.map(k -> k.jobId(organization)).orElseGet(() -> JobId.of(randomId()));
        custody.actingFor(organization);
        try {
            markets.signedBy(organization).submitJob(id, task, algorithm);
        } catch (LedgerRefusal refused) {
            if (key.isEmpty() || !"JobExists".equals(refused.reason())) {
                throw refused;
            }
            Job earlier = markets.reader().findJob(id).orElseThrow(() -> refused);
            if (!earlier.owner().equals(organization) || !earlier.task().equals(task)
                    || !earlier.algorithm().equals(algorithm)) {
                throw new KeyReused("this " + IdempotencyKey.HEADER + " already submitted job " + id + " (task "
                        + earlier.task() + ", algorithm " + earlier.algorithm() + "); send a new key for a new job");
            }
            return new Posted<>(refresh(id), true);
        }
        return new Posted<>(refresh(id), false);
    }

    /** Moves the job to AUTHORIZED, which the chain allows only while its whole tree is authorized. */
    public JobEntry markAuthorized(OrganizationAlias organization, JobId id) {
        requireOwned(organization, id);
        custody.actingFor(organization);
        markets.signedBy(organization).markAuthorized(id);
        return refresh(id);
    }

    /** Starts an authorized job, which the chain allows only while its whole tree is still authorized. */
    public JobEntry start(OrganizationAlias organization, JobId id) {
        requireOwned(organization, id);
        custody.actingFor(organization);
        markets.signedBy(organization).start(id);
        return refresh(id);
    }

    /**
     * Ends a running job as SUCCEEDED or FAILED, signed by this service's account for its owner (the
     * chain refuses with {@code IllegalTransition} once the job is no longer RUNNING).
     */
    public JobEntry finish(OrganizationAlias organization, JobId id, boolean succeeded) {
        requireOwned(organization, id);
        custody.actingFor(organization);
        markets.signedBy(organization).finish(id, succeeded);
        return refresh(id);
    }

    /**
     * A request, signed by this service's account for the job's owner, asking the node of
     * {@code dt}'s owner to run {@code op} for the job; valid for {@code lifetime}, with a fresh nonce.
     */
    public SignedExecutionRequest executionRequest(OrganizationAlias organization, JobId id, DataTokenId dt, OpHash op,
                                                   Duration lifetime) {
        requireOwned(organization, id);
        custody.actingFor(organization);
        ExecutionRequest request = new ExecutionRequest(id, dt, op, randomId(),
                clock.instant().plus(lifetime).truncatedTo(ChronoUnit.SECONDS));
        return requests.sign(request, custody.privateKeyOf(organization));
    }

    /** The job as the chain has it now (the board follows). */
    public JobEntry refresh(JobId id) {
        Job job = markets.reader().findJob(id).orElseThrow(() -> new UnknownJob(id));
        return board.record(new JobEntry(id.value(), job.task().value(), job.algorithm().value(), job.owner().value(),
                job.state().name(), at(job.submittedAt()), at(job.updatedAt())));
    }

    private void requireOwned(OrganizationAlias organization, JobId id) {
        Job job = markets.reader().findJob(id).orElseThrow(() -> new UnknownJob(id));
        if (!job.owner().equals(organization)) {
            throw new NotYours("job " + id + " belongs to '" + job.owner() + "'; only its owner moves it");
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String randomId() {
        byte[] id = new byte[32];
        RANDOM.nextBytes(id);
        return "0x" + HexFormat.of().formatHex(id);
    }

    /** No such job on chain. */
    public static final class UnknownJob extends RuntimeException {
        public UnknownJob(JobId id) {
            super("no job " + id + " is on the task market");
        }
    }
}
