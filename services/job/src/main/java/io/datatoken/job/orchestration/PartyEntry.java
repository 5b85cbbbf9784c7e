package io.datatoken.job.orchestration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

/** A row of job_party: one party of a job and how its dispatch stands. */
@Entity
@Table(name = "job_party")
@IdClass(PartyEntry.Key.class)
public class PartyEntry {

    @Id
    @Column(name = "job_id", length = 66)
    private String jobId;

    @Id
    @Column(name = "dt", length = 66)
    private String dt;

    @Id
    @Column(name = "op", length = 66)
    private String op;

    @Column(name = "owner_org", nullable = false, length = 63)
    private String owner;

    @Column(name = "node", length = 2048)
    private String node;

    @Column(name = "state", nullable = false, length = 16)
    private String state;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    /** The node's refusal codes, space-separated. */
    @Column(name = "reasons", nullable = false, length = 400)
    private String reasons;

    @Column(name = "detail", nullable = false, length = 2000)
    private String detail;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Column(name = "composition", length = 66)
    private String composition;

    @Column(name = "dropout_after_seconds", nullable = false)
    private long dropoutAfterSeconds;

    protected PartyEntry() {
    }

    PartyEntry(String jobId, String dt, String op, String owner, String node, String state, int attempts, String reasons,
               String detail, OffsetDateTime updatedAt, String composition, long dropoutAfterSeconds) {
        this.jobId = jobId;
        this.dt = dt;
        this.op = op;
        this.owner = owner;
        this.node = node;
        this.state = state;
        this.attempts = attempts;
        this.reasons = reasons;
        this.detail = detail;
        this.updatedAt = updatedAt;
        this.composition = composition;
        this.dropoutAfterSeconds = dropoutAfterSeconds;
    }

    String dt() {
        return dt;
    }

    String op() {
        return op;
    }

    String owner() {
        return owner;
    }

    String node() {
        return node;
    }

    String state() {
        return state;
    }

    int attempts() {
        return attempts;
    }

    String reasons() {
        return reasons;
    }

    String detail() {
        return detail;
    }

    OffsetDateTime updatedAt() {
        return updatedAt;
    }

    String composition() {
        return composition;
    }

    long dropoutAfterSeconds() {
        return dropoutAfterSeconds;
    }

    /** The composite key (job, dt, op). */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private String jobId;
        private String dt;
        private String op;

        public Key() {
        }

        public Key(String jobId, String dt, String op) {
            this.jobId = jobId;
            this.dt = dt;
            this.op = op;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && Objects.equals(jobId, k.jobId) && Objects.equals(dt, k.dt)
                    && Objects.equals(op, k.op);
        }

        @Override
        public int hashCode() {
            return Objects.hash(jobId, dt, op);
        }
    }
}
