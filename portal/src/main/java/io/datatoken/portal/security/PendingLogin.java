package io.datatoken.portal.security;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * One started sign-in, kept in the HTTP session between the redirect to the identity provider and
 * the callback: the secrets that bind the callback to this browser session.
 *
 * @param state echoed by the provider; proves the callback answers our request (CSRF)
 * @param nonce echoed in the ID token; proves the token was minted for this request (replay)
 * @param codeVerifier PKCE secret whose S256 hash went out as code_challenge
 * @param returnTo path inside the portal to go back to after sign-in
 */
public record PendingLogin(String state, String nonce, String codeVerifier, String returnTo)
        implements Serializable {

    /** HTTP session attribute under which the pending login is kept. */
    public static final String SESSION_ATTRIBUTE = PendingLogin.class.getName();

    void checkState(String returnedState) throws LoginFailedException {
        if (returnedState == null || !MessageDigest.isEqual(
                state.getBytes(StandardCharsets.US_ASCII), returnedState.getBytes(StandardCharsets.US_ASCII))) {
            throw new LoginFailedException("The sign-in response does not belong to this session (state mismatch).");
        }
    }

    @Override
    public String toString() {
        return "PendingLogin[returnTo=" + returnTo + "]";
    }
}
