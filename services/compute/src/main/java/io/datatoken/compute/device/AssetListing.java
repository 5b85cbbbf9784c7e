package io.datatoken.compute.device;

import io.datatoken.domain.token.DataTokenId;

/**
 * The platform's asset catalog, asked to list a token the end user registered on chain from this
 * device (the asset service registers only organizations' assets itself), so that the organization
 * finds it there, e.g. to compose its data union.
 */
public interface AssetListing {

    /**
     * Lists the token as the caller.
     *
     * @throws NotListed if the asset service cannot be reached or refuses; the token stays registered on chain
     */
    void list(DataTokenId dt, String bearerToken);

    /** The catalog did not list the token; the message says why. */
    final class NotListed extends RuntimeException {
        public NotListed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
