package io.datatoken.compute.results;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A job's result kept at a node for its organization's users: a row of job_result. S1's
 * ({@link #SECURE_SUM}) is Z and the model at the algorithm owner's node; the other kinds' outcome
 * is JSON (PSI's intersection at the requester's node, its size at the responder's, statistics).
 */
@Entity
@Table(name = "job_result")
public class JobResult {

    @Id
    @Column(name = "job", length = 66)
    private String job;

    @Column(name = "algorithm_dt", nullable = false, length = 66)
    private String algorithm;

    @Column(name = "parts", nullable = false)
    private int parts;

    /** Z as a JSON array of rows of numbers (S1), else null. */
    @Column(name = "z")
    private String z;

    /** The trained model as JSON, or null when no labels are bound to the algorithm. */
    @Column(name = "model")
    private String model;

    @Column(name = "kind", nullable = false, length = 24)
    private String kind;

    /** The result of a kind other than {@link #SECURE_SUM}, as JSON. */
    @Column(name = "outcome")
    private String outcome;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    public static final String SECURE_SUM = "secure-sum";

    protected JobResult() {
    }

    /** A result of another kind: what the op produced for this node's organization, as JSON. */
    public static JobResult of(String kind, String job, String asset, int parts, String outcome, OffsetDateTime at) {
        JobResult result = new JobResult(job, asset, parts, null, null, at);
        result.kind = kind;
        result.outcome = outcome;
        return result;
    }

    public JobResult(String job, String algorithm, int parts, String z, String model, OffsetDateTime createdAt) {
        this.job = job;
        this.algorithm = algorithm;
        this.parts = parts;
        this.z = z;
        this.model = model;
        this.kind = SECURE_SUM;
        this.createdAt = createdAt;
    }

    public String job() {
        return job;
    }

    public String algorithm() {
        return algorithm;
    }

    public int parts() {
        return parts;
    }

    public String z() {
        return z;
    }

    public String model() {
        return model;
    }

    public String kind() {
        return kind;
    }

    public String outcome() {
        return outcome;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }
}
