package io.datatoken.domain.market;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a job is in its lifecycle: SUBMITTED → AUTHORIZED → RUNNING → SUCCEEDED | FAILED, and
 * REVOKED from any of the first three. The ledger enforces the same transitions.
 */
public enum JobState {
    SUBMITTED,
    AUTHORIZED,
    RUNNING,
    SUCCEEDED,
    FAILED,
    REVOKED;

    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == REVOKED;
    }

    public boolean canMoveTo(JobState next) {
        return next(this).contains(next);
    }

    private static Set<JobState> next(JobState state) {
        return switch (state) {
            case SUBMITTED -> EnumSet.of(AUTHORIZED, REVOKED);
            case AUTHORIZED -> EnumSet.of(RUNNING, REVOKED);
            case RUNNING -> EnumSet.of(SUCCEEDED, FAILED, REVOKED);
            case SUCCEEDED, FAILED, REVOKED -> EnumSet.noneOf(JobState.class);
        };
    }
}
