package io.datatoken.tracer.api;

import java.time.OffsetDateTime;

/** One use of an asset. */
public record UsageRecord(java.util.UUID id, String dt, String owner, String consumer, String action, OffsetDateTime occurredAt) {
}
