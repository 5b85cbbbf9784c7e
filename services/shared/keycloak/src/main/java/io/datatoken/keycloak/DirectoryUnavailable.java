package io.datatoken.keycloak;

/** Keycloak could not be reached or answered in a way the adapter does not expect; a retry may work. */
public class DirectoryUnavailable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DirectoryUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
