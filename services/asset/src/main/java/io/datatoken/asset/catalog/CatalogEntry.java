package io.datatoken.asset.catalog;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** One registered asset as the catalog lists it: a searchable copy of its DDO and chain record. */
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

    @Column(name = "description", nullable = false, columnDefinition = "text")
    private String description;

    @Column(name = "ddo_cid", nullable = false, length = 100)
    private String ddoCid;

    @Column(name = "proof", nullable = false, length = 66)
    private String proof;

    @Column(name = "registration_tx", length = 66)
    private String registrationTx;

    @Column(name = "registered_at", nullable = false)
    private OffsetDateTime registeredAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "asset_op", joinColumns = @JoinColumn(name = "dt"))
    @Column(name = "op_hash", length = 66)
    private Set<String> supportedOps = new LinkedHashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "asset_child", joinColumns = @JoinColumn(name = "dt"))
    @OrderColumn(name = "position")
    @Column(name = "child_dt", length = 66)
    private List<String> children = new ArrayList<>();

    /** The end user of the owner who registered it as their own, or {@code null} (the organization's). */
    @Column(name = "end_user", length = 32)
    private String endUser;

    protected CatalogEntry() {
    }

    public CatalogEntry(String dt, String ownerOrganization, String kind, String title, String description,
                        String ddoCid, String proof, String registrationTx, OffsetDateTime registeredAt,
                        Set<String> supportedOps, List<String> children) {
        this(dt, ownerOrganization, null, kind, title, description, ddoCid, proof, registrationTx, registeredAt,
                supportedOps, children);
    }

    public CatalogEntry(String dt, String ownerOrganization, String endUser, String kind, String title,
                        String description, String ddoCid, String proof, String registrationTx,
                        OffsetDateTime registeredAt, Set<String> supportedOps, List<String> children) {
        this.endUser = endUser;
        this.dt = dt;
        this.ownerOrganization = ownerOrganization;
        this.kind = kind;
        this.registrationTx = registrationTx;
        this.registeredAt = registeredAt;
        this.children = new ArrayList<>(children);
        describe(title, description, ddoCid, proof, supportedOps);
    }

    /** Points the entry at a new version of its DDO (kind, owner and children never change). */
    public final void describe(String title, String description, String ddoCid, String proof, Set<String> supportedOps) {
        this.title = title;
        this.description = description;
        this.ddoCid = ddoCid;
        this.proof = proof;
        this.supportedOps = new LinkedHashSet<>(supportedOps);
    }

    public String dt() {
        return dt;
    }

    public String ownerOrganization() {
        return ownerOrganization;
    }

    /** The end user whose own asset this is, or {@code null} for the organization's own. */
    public String endUser() {
        return endUser;
    }

    public String kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public String ddoCid() {
        return ddoCid;
    }

    public String proof() {
        return proof;
    }

    /** The registering transaction, or {@code null} if this copy was recovered from the chain. */
    public String registrationTx() {
        return registrationTx;
    }

    public OffsetDateTime registeredAt() {
        return registeredAt;
    }

    /** In a stable (sorted) order. */
    public List<String> supportedOps() {
        return supportedOps.stream().sorted().toList();
    }

    public List<String> children() {
        return List.copyOf(children);
    }
}
