package io.datatoken.job.market;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A job as the job service last saw it on chain. */
@Entity
@Table(name = "job")
public class JobEntry {

    @Id
    @Column(name = "chain_id", length = 66)
    private String chainId;

    @Column(name = "task_chain_id", nullable = false, length = 66)
    private String taskChainId;

    @Column(name = "algorithm_dt", nullable = false, length = 66)
    private String algorithmDt;

    @Column(name = "owner_org", nullable = false, length = 63)
    private String ownerOrganization;

    @Column(name = "state", nullable = false, length = 16)
    private String state;

    @Column(name = "submitted_at", nullable = false)
    private OffsetDateTime submittedAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected JobEntry() {
    }

    public JobEntry(String chainId, String taskChainId, String algorithmDt, String ownerOrganization, String state,
                    OffsetDateTime submittedAt, OffsetDateTime updatedAt) {
        this.chainId = chainId;
        this.taskChainId = taskChainId;
        this.algorithmDt = algorithmDt;
        this.ownerOrganization = ownerOrganization;
        this.state = state;
        this.submittedAt = submittedAt;
        this.updatedAt = updatedAt;
    }

    /** Follows the chain's state. */
    void moved(String newState, OffsetDateTime at) {
        this.state = newState;
        this.updatedAt = at;
    }

    public String chainId() {
        return chainId;
    }

    public String taskChainId() {
        return taskChainId;
    }

    public String algorithmDt() {
        return algorithmDt;
    }

    public String ownerOrganization() {
        return ownerOrganization;
    }

    public String state() {
        return state;
    }

    public OffsetDateTime submittedAt() {
        return submittedAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }
}
