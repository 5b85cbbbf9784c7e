package io.datatoken.asset.registration;

import io.datatoken.domain.asset.DdoRejected;
import io.datatoken.domain.token.DataTokenId;

/**
 * The document stored for a registered token is not the one the chain vouches for (or not a valid
 * DDO at all): it was tampered with, and no reader may use it.
 */
public final class StoredDdoRejected extends RuntimeException {

    public StoredDdoRejected(DataTokenId dt, DdoRejected cause) {
        super("the stored DDO of " + dt + " is refused: " + cause.getMessage(), cause);
    }
}
