package io.datatoken.verifier.terms;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A row of terms. */
@Entity
@Table(name = "terms")
public class TermsEntry {

    @Id
    @Column(name = "id")
    private java.util.UUID id;

    @Column(name = "owner_org", nullable = false, length = 63)
    private String ownerOrganization;

    @Column(name = "dt", nullable = false, length = 66)
    private String dt;

    @Column(name = "version", nullable = false)
    private int version;

    @Column(name = "document", nullable = false)
    private String document;

    @Column(name = "published_at", nullable = false)
    private OffsetDateTime publishedAt;

    protected TermsEntry() {
    }

    public TermsEntry(java.util.UUID id, String ownerOrganization, String dt, int version, String document, OffsetDateTime publishedAt) {
        this.id = id;
        this.ownerOrganization = ownerOrganization;
        this.dt = dt;
        this.version = version;
        this.document = document;
        this.publishedAt = publishedAt;
    }

    public java.util.UUID id() {
        return id;
    }

    public String ownerOrganization() {
        return ownerOrganization;
    }

    public String dt() {
        return dt;
    }

    public int version() {
        return version;
    }

    public String document() {
        return document;
    }

    public OffsetDateTime publishedAt() {
        return publishedAt;
    }
}
