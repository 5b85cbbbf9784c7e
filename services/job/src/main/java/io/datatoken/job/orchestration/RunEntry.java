package io.datatoken.job.orchestration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A row of job_run: when the job service began dispatching a job, and why it ended it. */
@Entity
@Table(name = "job_run")
public class RunEntry {

    @Id
    @Column(name = "job_id", length = 66)
    private String jobId;

    @Column(name = "began_at", nullable = false)
    private OffsetDateTime beganAt;

    @Column(name = "detail", nullable = false, length = 2000)
    private String detail;

    protected RunEntry() {
    }

    RunEntry(String jobId, OffsetDateTime beganAt) {
        this.jobId = jobId;
        this.beganAt = beganAt;
        this.detail = "";
    }

    void note(String newDetail) {
        this.detail = newDetail;
    }

    String jobId() {
        return jobId;
    }

    OffsetDateTime beganAt() {
        return beganAt;
    }

    String detail() {
        return detail;
    }
}
