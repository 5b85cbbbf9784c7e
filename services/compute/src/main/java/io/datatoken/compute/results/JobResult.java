package io.datatoken.compute.results;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A job's result at the algorithm owner's node: a row of job_result. */
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

    /** Z as a JSON array of rows of numbers. */
    @Column(name = "z", nullable = false)
    private String z;

    /** The trained model as JSON, or null when no labels are bound to the algorithm. */
    @Column(name = "model")
    private String model;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected JobResult() {
    }

    public JobResult(String job, String algorithm, int parts, String z, String model, OffsetDateTime createdAt) {
        this.job = job;
        this.algorithm = algorithm;
        this.parts = parts;
        this.z = z;
        this.model = model;
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

    public OffsetDateTime createdAt() {
        return createdAt;
    }
}
