package io.datatoken.job.api;

import java.time.OffsetDateTime;

/** A task as the market lists it. */
public record TaskSummary(java.util.UUID id, String initiator, String title, String state, OffsetDateTime createdAt) {
}
