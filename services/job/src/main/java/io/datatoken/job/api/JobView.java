package io.datatoken.job.api;

import io.datatoken.job.market.JobEntry;
import java.time.OffsetDateTime;

/** A job as the chain has it: its task, its algorithm asset, its owner and its state. */
public record JobView(String jobId, String taskId, String algorithm, String owner, String state,
                      OffsetDateTime submittedAt, OffsetDateTime updatedAt) {

    static JobView of(JobEntry e) {
        return new JobView(e.chainId(), e.taskChainId(), e.algorithmDt(), e.ownerOrganization(), e.state(),
                e.submittedAt(), e.updatedAt());
    }
}
