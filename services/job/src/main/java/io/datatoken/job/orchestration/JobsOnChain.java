package io.datatoken.job.orchestration;

import io.datatoken.domain.market.ExecutionReceipt;
import io.datatoken.domain.market.Job;
import io.datatoken.domain.market.JobId;
import io.datatoken.domain.market.SignedExecutionRequest;
import io.datatoken.domain.op.OpHash;
import io.datatoken.domain.token.DataTokenId;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What the orchestration reads of the chain's task market, and does there for a job's owner (signed
 * by this service's account for that owner). Refusals surface as
 * {@link io.datatoken.domain.organization.LedgerRefusal} ({@code IllegalTransition} when the job is
 * no longer RUNNING), outages as {@link io.datatoken.domain.organization.LedgerUnavailable}.
 */
public interface JobsOnChain {

    Optional<Job> find(JobId job);

    /** The job's receipts as the chain has them now. */
    List<ExecutionReceipt> receipts(JobId job);

    /** A request, signed for the job's owner with a fresh nonce, for the node of {@code dt}'s owner to run {@code op}. */
    SignedExecutionRequest request(Job job, DataTokenId dt, OpHash op, Duration lifetime);

    /** RUNNING → SUCCEEDED or FAILED, for the job's owner; the board follows. */
    void finish(Job job, boolean succeeded);

    /** Has the board follow the chain's state of the job. */
    void refresh(JobId job);

    /** The jobs this service last saw RUNNING: those to resume after a restart. */
    List<JobId> running();
}
