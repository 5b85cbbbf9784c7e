package io.datatoken.job.market;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A row of task. */
@Entity
@Table(name = "task")
public class TaskEntry {

    @Id
    @Column(name = "id")
    private java.util.UUID id;

    @Column(name = "initiator_org", nullable = false, length = 63)
    private String initiatorOrganization;

    @Column(name = "title", nullable = false, length = 200)
    private String title;

    @Column(name = "state", nullable = false, length = 16)
    private String state;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    /** The task's id on chain (0x + 64 hex). */
    @Column(name = "chain_id", length = 66, unique = true)
    private String chainId;

    @Column(name = "created_tx", length = 66)
    private String createdTx;

    protected TaskEntry() {
    }

    public TaskEntry(java.util.UUID id, String initiatorOrganization, String title, String state, OffsetDateTime createdAt) {
        this.id = id;
        this.initiatorOrganization = initiatorOrganization;
        this.title = title;
        this.state = state;
        this.createdAt = createdAt;
    }

    public TaskEntry(java.util.UUID id, String initiatorOrganization, String title, OffsetDateTime createdAt,
                     String chainId, String createdTx) {
        this(id, initiatorOrganization, title, "OPEN", createdAt);
        this.chainId = chainId;
        this.createdTx = createdTx;
    }

    public String chainId() {
        return chainId;
    }

    public String createdTx() {
        return createdTx;
    }

    public java.util.UUID id() {
        return id;
    }

    public String initiatorOrganization() {
        return initiatorOrganization;
    }

    public String title() {
        return title;
    }

    public String state() {
        return state;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }
}
