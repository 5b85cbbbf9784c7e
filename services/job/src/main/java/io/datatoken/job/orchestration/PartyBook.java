package io.datatoken.job.orchestration;

import io.datatoken.domain.market.JobId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The job service's record of how each job's parties were dispatched, written as it changes so that
 * a restarted service can resume, and read by {@code GET /v1/jobs/{id}}.
 */
public interface PartyBook {

    /** The job's run as recorded, if its orchestration ever began; parties in (dt, op) order. */
    Optional<RunRecord> find(JobId job);

    /**
     * Records that the orchestration of the job began at {@code at} with these parties. If it began
     * before, nothing changes: the first record is returned.
     */
    RunRecord begin(JobId job, Instant at, List<PartyRecord> parties);

    /**
     * Moves a recorded party to the record's state, attempts, reasons, detail and time. A DONE party
     * stays DONE; a party the book does not hold is ignored.
     */
    void update(JobId job, PartyRecord party);

    /** Says why the job service ended the job, or could not dispatch it. Ignored for a job with no run. */
    void note(JobId job, String detail);
}
