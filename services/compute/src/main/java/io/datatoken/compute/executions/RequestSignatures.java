package io.datatoken.compute.executions;

import io.datatoken.domain.market.SignedExecutionRequest;
import io.datatoken.domain.organization.ChainAddress;
import java.util.Optional;

/** Recovers who signed a request, in this chain's and task market's EIP-712 domain. */
public interface RequestSignatures {

    /** The signer, or empty if the signature recovers none. */
    Optional<ChainAddress> signerOf(SignedExecutionRequest request);
}
