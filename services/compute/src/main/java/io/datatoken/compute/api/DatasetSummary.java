package io.datatoken.compute.api;

import java.time.OffsetDateTime;

/** A bound dataset, without its location: where data lives is never exposed. */
public record DatasetSummary(String dt, String owner, String sourceKind, OffsetDateTime boundAt) {
}
