package io.datatoken.tracer.usage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A row of usage_event. */
@Entity
@Table(name = "usage_event")
public class UsageEntry {

    @Id
    @Column(name = "id")
    private java.util.UUID id;

    @Column(name = "dt", nullable = false, length = 66)
    private String dt;

    @Column(name = "owner_org", nullable = false, length = 63)
    private String ownerOrganization;

    @Column(name = "consumer_org", nullable = false, length = 63)
    private String consumerOrganization;

    @Column(name = "action", nullable = false, length = 32)
    private String action;

    @Column(name = "occurred_at", nullable = false)
    private OffsetDateTime occurredAt;

    protected UsageEntry() {
    }

    public UsageEntry(java.util.UUID id, String dt, String ownerOrganization, String consumerOrganization, String action, OffsetDateTime occurredAt) {
        this.id = id;
        this.dt = dt;
        this.ownerOrganization = ownerOrganization;
        this.consumerOrganization = consumerOrganization;
        this.action = action;
        this.occurredAt = occurredAt;
    }

    public java.util.UUID id() {
        return id;
    }

    public String dt() {
        return dt;
    }

    public String ownerOrganization() {
        return ownerOrganization;
    }

    public String consumerOrganization() {
        return consumerOrganization;
    }

    public String action() {
        return action;
    }

    public OffsetDateTime occurredAt() {
        return occurredAt;
    }
}
