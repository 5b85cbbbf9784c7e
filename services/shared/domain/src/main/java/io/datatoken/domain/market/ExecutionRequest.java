package io.datatoken.domain.market;

import io.datatoken.domain.ledger.Bytes32Hex;
import io.datatoken.domain.op.OpHash;
import io.datatoken.domain.token.DataTokenId;
import java.time.Instant;
import java.util.Objects;

/**
 * What a job's owner asks one party's compute node to do: run {@code op} on {@code dt} for
 * {@code job}. Signed as EIP-712 typed data (with the chain id and the task market's address as
 * its domain) so that a node can tell who asks, and with a single-use {@code nonce} and an expiry
 * so that a request cannot be replayed or kept for later.
 *
 * @param nonce     0x + 64 hex, never reused by the requester
 * @param expiresAt after this instant the request is void (whole seconds)
 */
public record ExecutionRequest(JobId job, DataTokenId dt, OpHash op, String nonce, Instant expiresAt) {

    public ExecutionRequest {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(dt, "dt");
        Objects.requireNonNull(op, "op");
        nonce = Bytes32Hex.require(nonce, "nonce");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (expiresAt.getNano() != 0) {
            throw new IllegalArgumentException("an execution request expires at a whole second, not " + expiresAt);
        }
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
