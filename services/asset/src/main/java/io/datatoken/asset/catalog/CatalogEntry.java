package io.datatoken.asset.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One registered asset as the catalog lists it. */
@Entity
@Table(name = "asset")
public class CatalogEntry {

    @Id
    @Column(name = "dt", length = 66)
    private String dt;

    @Column(name = "owner_org", nullable = false, length = 63)
    private String ownerOrganization;

    @Column(name = "kind", nullable = false, length = 16)
    private String kind;

    @Column(name = "title", nullable = false, length = 200)
    private String title;

    @Column(name = "ddo_cid", nullable = false, length = 100)
    private String ddoCid;

    @Column(name = "registered_at", nullable = false)
    private OffsetDateTime registeredAt;

    protected CatalogEntry() {
    }

    public CatalogEntry(String dt, String ownerOrganization, String kind, String title, String ddoCid,
                        OffsetDateTime registeredAt) {
        this.dt = dt;
        this.ownerOrganization = ownerOrganization;
        this.kind = kind;
        this.title = title;
        this.ddoCid = ddoCid;
        this.registeredAt = registeredAt;
    }

    public String dt() {
        return dt;
    }

    public String ownerOrganization() {
        return ownerOrganization;
    }

    public String kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    public String ddoCid() {
        return ddoCid;
    }

    public OffsetDateTime registeredAt() {
        return registeredAt;
    }
}
