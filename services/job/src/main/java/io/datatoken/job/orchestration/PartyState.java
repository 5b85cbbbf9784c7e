package io.datatoken.job.orchestration;

/** Where one party of a running job stands, as the job service sees it. */
public enum PartyState {
    /** Being handed to its compute node (retried while the node cannot be reached). */
    DISPATCHING,
    /** The job's owner hands its node the request itself ({@link Dispatch#MANUAL}); this service only waits for the receipt. */
    MANUAL,
    /** Its node accepted the request and runs the op. */
    ACCEPTED,
    /** Its node refused the request; it will not run. */
    REFUSED,
    /** Its node has no known address, or could not be reached after every attempt. */
    UNREACHABLE,
    /** Its node accepted the request but reports that the run failed (its reason in the detail). */
    FAILED,
    /** Its receipt is on chain. Final. */
    DONE;

    /** Whether the party can no longer run for the job. */
    public boolean failed() {
        return this == REFUSED || this == UNREACHABLE || this == FAILED;
    }
}
