package io.datatoken.asset.grants;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** An owner's opt-in: compositions that meet this asset's terms are authorized without the owner acting. */
@Entity
@Table(name = "asset_auto_authorization")
public class AutoAuthorization {

    @Id
    @Column(name = "dt", length = 66)
    private String dt;

    @Column(name = "enabled_by", nullable = false, length = 63)
    private String enabledBy;

    @Column(name = "enabled_at", nullable = false)
    private OffsetDateTime enabledAt;

    protected AutoAuthorization() {
    }

    public AutoAuthorization(String dt, String enabledBy, OffsetDateTime enabledAt) {
        this.dt = dt;
        this.enabledBy = enabledBy;
        this.enabledAt = enabledAt;
    }

    public String dt() {
        return dt;
    }

    public String enabledBy() {
        return enabledBy;
    }

    public OffsetDateTime enabledAt() {
        return enabledAt;
    }
}
