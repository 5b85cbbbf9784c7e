package io.datatoken.portal.services;

import java.time.OffsetDateTime;

/**
 * A dataset a compute node bound to an asset, as the node lists it: never its location or data.
 *
 * @param sourceKind CSV or JDBC
 */
public record BoundDataset(String dt, String owner, String sourceKind, OffsetDateTime boundAt) {
}
