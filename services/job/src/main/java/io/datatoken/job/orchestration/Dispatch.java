package io.datatoken.job.orchestration;

/** Who hands a started job's parties their execution requests. */
public enum Dispatch {
    /** The job service asks each party's node (the default). */
    AUTOMATIC,
    /**
     * The job's owner takes signed requests ({@code POST /v1/jobs/{id}/execution-requests}) to the
     * nodes itself, e.g. nodes the platform cannot reach; the job service watches the receipts and ends
     * the job SUCCEEDED with the last one, or FAILED at the completion timeout.
     */
    MANUAL
}
