package io.datatoken.verifier.api;

import java.time.OffsetDateTime;

/** A published version of an asset's terms. */
public record TermsSummary(java.util.UUID id, String owner, String dt, int version, OffsetDateTime publishedAt) {
}
