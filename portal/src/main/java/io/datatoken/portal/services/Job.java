package io.datatoken.portal.services;

import io.datatoken.domain.market.JobState;
import java.time.OffsetDateTime;
import java.util.Locale;

/** A job as the job service lists it (its parties only on a single job's read). */
public record Job(String jobId, String taskId, String algorithm, String owner, String state,
                  OffsetDateTime submittedAt, OffsetDateTime updatedAt, String detail) {

    /** Not yet at an end (SUCCEEDED, FAILED, REVOKED); an unknown state counts as running. */
    public boolean running() {
        try {
            return !JobState.valueOf(state.toUpperCase(Locale.ROOT)).isTerminal();
        } catch (IllegalArgumentException | NullPointerException unknown) {
            return true;
        }
    }
}
