package io.datatoken.portal.services;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A task as the job service lists it ({@code TaskSummary}).
 *
 * @param taskId the task's id on chain, to submit jobs to
 * @param title  its description
 */
public record Task(UUID id, String taskId, String initiator, String title, String state, OffsetDateTime createdAt) {
}
