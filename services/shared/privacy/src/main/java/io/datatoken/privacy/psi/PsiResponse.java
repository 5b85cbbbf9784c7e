package io.datatoken.privacy.psi;

import java.util.Objects;

/**
 * Responder to requester, step 2: the request's points blinded again, (H(x)^a)^b in the request's
 * order (so the requester can map them back to its items), and H(y)^b for each distinct item y of the
 * responder, shuffled.
 */
public record PsiResponse(BlindedPoints requesterPointsReblinded, BlindedPoints responderPoints) {

    public PsiResponse {
        Objects.requireNonNull(requesterPointsReblinded, "requesterPointsReblinded");
        Objects.requireNonNull(responderPoints, "responderPoints");
    }
}
