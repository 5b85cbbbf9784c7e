package io.datatoken.job.orchestration;

import io.datatoken.domain.market.ExecutionReceipt;
import io.datatoken.domain.market.ExecutionRequest;
import io.datatoken.domain.market.Job;
import io.datatoken.domain.market.JobId;
import io.datatoken.domain.market.JobState;
import io.datatoken.domain.market.ResultHash;
import io.datatoken.domain.market.SignedExecutionRequest;
import io.datatoken.domain.market.TaskId;
import io.datatoken.domain.op.OpHash;
import io.datatoken.domain.organization.ChainAddress;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.token.DataTokenId;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stub of the task market for one job: its state and receipts are what the test sets; requests
 * carry a fresh nonce and a dummy signature; every end asked for is recorded, and fails if the test
 * scripted a failure for it.
 */
final class ScriptedJobs implements JobsOnChain {

    private volatile Job job;
    final List<ExecutionReceipt> receipts = new CopyOnWriteArrayList<>();
    /** Every end asked for: true for SUCCEEDED, false for FAILED. */
    final List<Boolean> finishes = new CopyOnWriteArrayList<>();
    final Queue<RuntimeException> finishFailures = new ConcurrentLinkedQueue<>();
    final AtomicInteger refreshes = new AtomicInteger();
    final List<SignedExecutionRequest> requests = new CopyOnWriteArrayList<>();

    ScriptedJobs(JobId id, DataTokenId algorithm, OrganizationAlias owner) {
        Instant now = Instant.now();
        this.job = new Job(id, TaskId.of("0x" + "7".repeat(64)), algorithm, owner, JobState.RUNNING, now, now);
    }

    Job job() {
        return job;
    }

    void moveTo(JobState state) {
        job = new Job(job.id(), job.task(), job.algorithm(), job.owner(), state, job.submittedAt(), Instant.now());
    }

    void receipt(DataTokenId dt, OpHash op, OrganizationAlias party) {
        receipts.add(new ExecutionReceipt(job.id(), dt, op, ResultHash.of("0x" + "9".repeat(64)), party,
                ChainAddress.of("0x" + "4".repeat(40)), Instant.now().truncatedTo(ChronoUnit.SECONDS)));
    }

    @Override
    public Optional<Job> find(JobId id) {
        return id.equals(job.id()) ? Optional.of(job) : Optional.empty();
    }

    @Override
    public List<ExecutionReceipt> receipts(JobId id) {
        return List.copyOf(receipts);
    }

    @Override
    public SignedExecutionRequest request(Job of, DataTokenId dt, OpHash op, Duration lifetime) {
        byte[] nonce = new byte[32];
        ThreadLocalRandom.current().nextBytes(nonce);
        SignedExecutionRequest signed = new SignedExecutionRequest(new ExecutionRequest(of.id(), dt, op,
                "0x" + HexFormat.of().formatHex(nonce), Instant.now().plus(lifetime).truncatedTo(ChronoUnit.SECONDS)),
                "0x" + "1".repeat(130));
        requests.add(signed);
        return signed;
    }

    @Override
    public void finish(Job of, boolean succeeded) {
        finishes.add(succeeded);
        RuntimeException failure = finishFailures.poll();
        if (failure != null) {
            throw failure;
        }
        moveTo(succeeded ? JobState.SUCCEEDED : JobState.FAILED);
    }

    @Override
    public void refresh(JobId id) {
        refreshes.incrementAndGet();
    }

    @Override
    public List<JobId> running() {
        return job.state() == JobState.RUNNING ? List.of(job.id()) : List.of();
    }
}
