package io.datatoken.domain.market;

import java.time.Instant;
import java.util.Objects;

import io.datatoken.domain.op.OpHash;
import io.datatoken.domain.organization.ChainAddress;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.token.DataTokenId;

/**
 * One party's record, anchored on the ledger, that it ran a trusted op on its token for a job.
 *
 * @param party      the organization owning {@code dt}
 * @param recordedBy the account of that organization that recorded it, or for an end user's token
 *                   that end user's own account
 */
public record ExecutionReceipt(JobId job, DataTokenId dt, OpHash op, ResultHash result, OrganizationAlias party,
                               ChainAddress recordedBy, Instant recordedAt) {

    public ExecutionReceipt {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(dt, "dt");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(party, "party");
        Objects.requireNonNull(recordedBy, "recordedBy");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }
}
