package io.datatoken.privacy.secagg;

import java.util.Map;

/**
 * Round 3, client to server: the shares it holds of the survivors' self-mask seeds and of the dropped
 * users' mask private keys, never both for one user.
 */
public record UnmaskResponse(int user, Map<Integer, Share> selfMaskShares, Map<Integer, Share> maskKeyShares) {

    public UnmaskResponse {
        selfMaskShares = Map.copyOf(selfMaskShares);
        maskKeyShares = Map.copyOf(maskKeyShares);
    }
}
