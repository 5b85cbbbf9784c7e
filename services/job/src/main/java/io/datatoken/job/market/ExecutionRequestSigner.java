package io.datatoken.job.market;

import io.datatoken.domain.market.ExecutionRequest;
import io.datatoken.domain.market.SignedExecutionRequest;

/** Signs execution requests as EIP-712 typed data of this chain and task market. */
public interface ExecutionRequestSigner {

    SignedExecutionRequest sign(ExecutionRequest request, String privateKey);
}
