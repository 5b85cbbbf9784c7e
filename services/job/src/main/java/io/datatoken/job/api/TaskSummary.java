package io.datatoken.job.api;

import io.datatoken.job.market.TaskEntry;
import java.time.OffsetDateTime;

/**
 * A task as the market lists it.
 *
 * @param taskId the task's id on chain, to submit jobs to
 */
public record TaskSummary(java.util.UUID id, String taskId, String initiator, String title, String state,
                         OffsetDateTime createdAt) {

    static TaskSummary of(TaskEntry e) {
        return new TaskSummary(e.id(), e.chainId(), e.initiatorOrganization(), e.title(), e.state(), e.createdAt());
    }
}
