package io.datatoken.portal.security;

/** The user's sign-in can no longer be renewed (provider session ended): they must sign in again. */
public class SignInExpiredException extends RuntimeException {

    public SignInExpiredException(String message, Throwable cause) {
        super(message, cause);
    }
}
