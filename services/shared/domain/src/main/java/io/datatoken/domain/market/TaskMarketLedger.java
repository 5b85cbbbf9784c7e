package io.datatoken.domain.market;

import java.util.List;
import java.util.Optional;

import io.datatoken.domain.op.OpHash;
import io.datatoken.domain.token.DataTokenId;

/**
 * The ledger's task market, acting as one chain account (for that account's organization).
 * Refusals surface as {@link io.datatoken.domain.organization.LedgerRefusal} (an illegal
 * lifecycle step as reason {@code IllegalTransition}), outages as
 * {@link io.datatoken.domain.organization.LedgerUnavailable}.
 */
public interface TaskMarketLedger {

    /** Posts a task; the caller's organization must be an active data user. */
    void createTask(TaskId id, String description);

    /** Closes an open task of the caller's organization: no more jobs can be submitted to it. */
    void closeTask(TaskId id);

    /** Submits the caller's organization's algorithm token as a job to an open task. */
    void submitJob(JobId id, TaskId task, DataTokenId algorithm);

    /** SUBMITTED → AUTHORIZED; anyone may ask, it succeeds only while the algorithm token is active. */
    void markAuthorized(JobId id);

    /** AUTHORIZED → RUNNING, by the job's owner, only while the algorithm token is still active. */
    void start(JobId id);

    /**
     * Records that the caller's organization ran a usable op on its token for a running job; for
     * an end user's token only that end user's own account may (refused with {@code NotEndUserOwner}).
     */
    void recordReceipt(JobId id, DataTokenId dt, OpHash op, ResultHash result);

    /** RUNNING → SUCCEEDED or FAILED, by the job's owner. */
    void finish(JobId id, boolean succeeded);

    /** SUBMITTED, AUTHORIZED or RUNNING → REVOKED, by the job's owner. */
    void revoke(JobId id);

    Optional<Task> findTask(TaskId id);

    Optional<Job> findJob(JobId id);

    /** The job's receipts in the order they were recorded. */
    List<ExecutionReceipt> receipts(JobId id);
}
