package io.datatoken.portal.security;

/**
 * Where a client of the services gets the signed-in user's access token from. The user never
 * sees it; it goes only into the {@code Authorization} header of calls to the services.
 */
public interface AccessTokens {

    /** An access token that is valid now (refreshed first if it has expired or is about to). */
    String current();

    /**
     * A new access token, after a service refused the current one (401) although it looked
     * valid, e.g. a clock skew or a key rollover.
     */
    String renewed();
}
