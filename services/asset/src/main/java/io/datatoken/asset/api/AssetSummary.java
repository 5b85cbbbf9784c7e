package io.datatoken.asset.api;

import java.time.OffsetDateTime;

/** An asset as listed in the catalog. */
public record AssetSummary(String dt, String owner, String kind, String title, String ddoCid,
                           OffsetDateTime registeredAt) {
}
