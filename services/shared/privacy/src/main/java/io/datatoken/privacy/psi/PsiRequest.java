package io.datatoken.privacy.psi;

import java.util.Objects;

/** Requester to responder, step 1: H(x)^a for each distinct item x of the requester, shuffled. */
public record PsiRequest(BlindedPoints requesterPoints) {

    public PsiRequest {
        Objects.requireNonNull(requesterPoints, "requesterPoints");
    }
}
