package io.datatoken.asset.grants;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

/** One authorization of a parent by a child's owner, as granted (and perhaps revoked) on chain. */
@Entity
@Table(name = "asset_grant")
public class GrantRecord {

    @EmbeddedId
    private Key key;

    @Column(name = "granted_by", nullable = false, length = 63)
    private String grantedBy;

    @Column(name = "granted_at", nullable = false)
    private OffsetDateTime grantedAt;

    @Column(name = "expires_at")
    private OffsetDateTime expiresAt;

    @Column(name = "grant_tx", length = 66)
    private String grantTx;

    @Column(name = "revoked_at")
    private OffsetDateTime revokedAt;

    @Column(name = "revoke_tx", length = 66)
    private String revokeTx;

    protected GrantRecord() {
    }

    public GrantRecord(String childDt, String parentDt, String grantedBy, OffsetDateTime grantedAt,
                       OffsetDateTime expiresAt, String grantTx) {
        this.key = new Key(childDt, parentDt);
        regrant(grantedBy, grantedAt, expiresAt, grantTx);
    }

    /** A new grant of the same pair after a revocation or expiry replaces the old record. */
    final void regrant(String by, OffsetDateTime at, OffsetDateTime until, String tx) {
        this.grantedBy = by;
        this.grantedAt = at;
        this.expiresAt = until;
        this.grantTx = tx;
        this.revokedAt = null;
        this.revokeTx = null;
    }

    void revoked(OffsetDateTime at, String tx) {
        this.revokedAt = at;
        this.revokeTx = tx;
    }

    public String childDt() {
        return key.childDt;
    }

    public String parentDt() {
        return key.parentDt;
    }

    public String grantedBy() {
        return grantedBy;
    }

    public OffsetDateTime grantedAt() {
        return grantedAt;
    }

    public OffsetDateTime expiresAt() {
        return expiresAt;
    }

    public String grantTx() {
        return grantTx;
    }

    public OffsetDateTime revokedAt() {
        return revokedAt;
    }

    public String revokeTx() {
        return revokeTx;
    }

    /** Child and parent: one record per pair. */
    @Embeddable
    public static class Key implements Serializable {

        @Column(name = "child_dt", length = 66)
        private String childDt;

        @Column(name = "parent_dt", length = 66)
        private String parentDt;

        protected Key() {
        }

        Key(String childDt, String parentDt) {
            this.childDt = childDt;
            this.parentDt = parentDt;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && k.childDt.equals(childDt) && k.parentDt.equals(parentDt);
        }

        @Override
        public int hashCode() {
            return Objects.hash(childDt, parentDt);
        }
    }
}
