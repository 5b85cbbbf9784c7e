package io.datatoken.asset.api;

import io.datatoken.asset.grants.GrantRecord;
import java.time.OffsetDateTime;

/**
 * An authorization of {@code parent} to use {@code child}, as given through the platform.
 *
 * @param live whether the chain holds it as live now (not revoked, not expired); absent in lists
 */
public record GrantView(String child, String parent, String grantedBy, OffsetDateTime grantedAt,
                        OffsetDateTime expiresAt, String grantTx, OffsetDateTime revokedAt, String revokeTx, Boolean live) {

    static GrantView of(GrantRecord r, Boolean live) {
        return new GrantView(r.childDt(), r.parentDt(), r.grantedBy(), r.grantedAt(), r.expiresAt(), r.grantTx(),
                r.revokedAt(), r.revokeTx(), live);
    }
}
