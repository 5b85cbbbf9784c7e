package io.datatoken.portal.security;

/** A sign-in attempt that must not establish a session; the message is safe to show. */
public class LoginFailedException extends Exception {

    public LoginFailedException(String message) {
        super(message);
    }

    public LoginFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
