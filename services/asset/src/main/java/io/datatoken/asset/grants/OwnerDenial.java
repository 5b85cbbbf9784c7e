package io.datatoken.asset.grants;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A child owner's "no" to one composition, with the reason the composer reads. */
@Entity
@Table(name = "asset_owner_denial")
public class OwnerDenial {

    /** {@code <child>/<parent>}: one denial per pair, replaced when the owner denies again. */
    @Id
    @Column(name = "id", length = 140)
    private String id;

    @Column(name = "child_dt", nullable = false, length = 66)
    private String childDt;

    @Column(name = "parent_dt", nullable = false, length = 66)
    private String parentDt;

    @Column(name = "reason", nullable = false, length = 500)
    private String reason;

    @Column(name = "denied_by", nullable = false, length = 63)
    private String deniedBy;

    @Column(name = "denied_at", nullable = false)
    private OffsetDateTime deniedAt;

    protected OwnerDenial() {
    }

    public OwnerDenial(String childDt, String parentDt, String reason, String deniedBy, OffsetDateTime deniedAt) {
        this.id = idOf(childDt, parentDt);
        this.childDt = childDt;
        this.parentDt = parentDt;
        this.reason = reason;
        this.deniedBy = deniedBy;
        this.deniedAt = deniedAt;
    }

    static String idOf(String childDt, String parentDt) {
        return childDt + "/" + parentDt;
    }

    void replace(String newReason, OffsetDateTime at) {
        this.reason = newReason;
        this.deniedAt = at;
    }

    public String childDt() {
        return childDt;
    }

    public String parentDt() {
        return parentDt;
    }

    public String reason() {
        return reason;
    }

    public String deniedBy() {
        return deniedBy;
    }

    public OffsetDateTime deniedAt() {
        return deniedAt;
    }
}
