package io.datatoken.compute.executions;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One execution request as received: what was asked, by whom, and what the node decided. */
@Entity
@Table(name = "execution_request")
public class ExecutionRecord {

    @Id
    @Column(name = "id")
    private UUID id;

    @Column(name = "signer", nullable = false, length = 42)
    private String signer;

    @Column(name = "nonce", nullable = false, length = 66)
    private String nonce;

    @Column(name = "job", nullable = false, length = 66)
    private String job;

    @Column(name = "dt", nullable = false, length = 66)
    private String dt;

    @Column(name = "op", nullable = false, length = 66)
    private String op;

    @Column(name = "expires_at", nullable = false)
    private OffsetDateTime expiresAt;

    @Column(name = "received_at", nullable = false)
    private OffsetDateTime receivedAt;

    @Column(name = "outcome", nullable = false, length = 16)
    private String outcome;

    /** Space-separated refusal codes ({@code ""} when accepted). */
    @Column(name = "reasons", nullable = false, columnDefinition = "text")
    private String reasons;

    protected ExecutionRecord() {
    }

    public ExecutionRecord(UUID id, String signer, String nonce, String job, String dt, String op,
                           OffsetDateTime expiresAt, OffsetDateTime receivedAt, String outcome, String reasons) {
        this.id = id;
        this.signer = signer;
        this.nonce = nonce;
        this.job = job;
        this.dt = dt;
        this.op = op;
        this.expiresAt = expiresAt;
        this.receivedAt = receivedAt;
        this.outcome = outcome;
        this.reasons = reasons;
    }

    public UUID id() {
        return id;
    }

    public String signer() {
        return signer;
    }

    public String nonce() {
        return nonce;
    }

    public String job() {
        return job;
    }

    public String dt() {
        return dt;
    }

    public String op() {
        return op;
    }

    public OffsetDateTime expiresAt() {
        return expiresAt;
    }

    public OffsetDateTime receivedAt() {
        return receivedAt;
    }

    public String outcome() {
        return outcome;
    }

    public String reasons() {
        return reasons;
    }
}
