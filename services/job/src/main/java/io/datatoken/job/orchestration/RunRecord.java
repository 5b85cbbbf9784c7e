package io.datatoken.job.orchestration;

import io.datatoken.domain.market.JobId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The job service's orchestration of one job as recorded.
 *
 * @param beganAt when the job service began dispatching it (its completion timeout runs from here)
 * @param detail  why the job service ended the job, or could not dispatch it ({@code ""} when nothing to say)
 * @param parties in (dt, op) order
 */
public record RunRecord(JobId job, Instant beganAt, String detail, List<PartyRecord> parties) {

    public RunRecord {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(beganAt, "beganAt");
        detail = detail == null ? "" : PartyRecord.cut(detail);
        parties = List.copyOf(parties);
    }
}
