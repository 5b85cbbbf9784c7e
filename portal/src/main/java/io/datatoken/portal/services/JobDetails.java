package io.datatoken.portal.services;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One job as {@code GET /job/api/v1/jobs/{id}} shows it: once the job service began running it,
 * with each party's execution and the detail of how it ended.
 */
public record JobDetails(String jobId, String taskId, String algorithm, String owner, String state,
                         OffsetDateTime submittedAt, OffsetDateTime updatedAt, String detail, List<Party> parties) {

    public JobDetails {
        parties = parties == null ? List.of() : List.copyOf(parties);
    }

    /** The job without its parties, as lists show it. */
    public Job summary() {
        return new Job(jobId, taskId, algorithm, owner, state, submittedAt, updatedAt, detail);
    }

    /**
     * One party of a running job: an asset, its op, its owner's compute node and how the request to
     * it stands ({@code DISPATCHING}, {@code ACCEPTED}, {@code REFUSED}, {@code UNREACHABLE}, {@code DONE}).
     *
     * @param receipt the party's receipt on chain, or null while there is none
     */
    public record Party(String dt, String op, String owner, String node, String state, int attempts,
                        List<String> reasons, String detail, Receipt receipt) {

        public static final String DONE = "DONE";

        public Party {
            reasons = reasons == null ? List.of() : List.copyOf(reasons);
        }

        public boolean done() {
            return DONE.equals(state);
        }
    }

    /** A party's execution receipt on chain. */
    public record Receipt(String resultHash, Instant recordedAt, String recordedBy) {
    }
}
