package io.datatoken.job.api;

import io.datatoken.domain.market.SignedExecutionRequest;
import java.time.Instant;

/** A signed execution request as a compute node receives it. */
public record ExecutionRequestView(String job, String dt, String op, String nonce, Instant expiresAt, String signature) {

    static ExecutionRequestView of(SignedExecutionRequest signed) {
        var r = signed.request();
        return new ExecutionRequestView(r.job().value(), r.dt().value(), r.op().value(), r.nonce(), r.expiresAt(),
                signed.signature());
    }

    /** Which asset and op the request is for. */
    public record Ask(String dt, String op) {
    }
}
