package io.datatoken.domain.market;

import java.time.Instant;
import java.util.Objects;

import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.token.DataTokenId;

/** A job as the {@link TaskMarketLedger} records it; its owner is the algorithm token's owner. */
public record Job(JobId id, TaskId task, DataTokenId algorithm, OrganizationAlias owner, JobState state,
                  Instant submittedAt, Instant updatedAt) {

    public Job {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(submittedAt, "submittedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
