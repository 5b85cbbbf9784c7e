package io.datatoken.job.api;

import io.datatoken.job.market.JobEntry;
import io.datatoken.job.orchestration.Orchestration.JobProgress;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A job as the chain has it: its task, its algorithm asset, its owner and its state.
 *
 * @param detail  why the job service ended the job or could not dispatch it (only on {@code GET /v1/jobs/{id}},
 *                once the job service began running it)
 * @param parties how each party's execution stands (only on {@code GET /v1/jobs/{id}}, once the job service
 *                began running it)
 */
public record JobView(String jobId, String taskId, String algorithm, String owner, String state,
                      OffsetDateTime submittedAt, OffsetDateTime updatedAt, String detail, List<PartyView> parties) {

    static JobView of(JobEntry e) {
        return new JobView(e.chainId(), e.taskChainId(), e.algorithmDt(), e.ownerOrganization(), e.state(),
                e.submittedAt(), e.updatedAt(), null, null);
    }

    static JobView of(JobEntry e, JobProgress progress) {
        return new JobView(e.chainId(), e.taskChainId(), e.algorithmDt(), e.ownerOrganization(), e.state(),
                e.submittedAt(), e.updatedAt(), progress.detail().isEmpty() ? null : progress.detail(),
                progress.parties().stream().map(PartyView::of).toList());
    }
}
