package io.datatoken.domain.content;

/** Base of the content store's domain exceptions, so callers can handle them as one family. */
public abstract class ContentException extends RuntimeException {

    protected ContentException(String message) {
        super(message);
    }

    protected ContentException(String message, Throwable cause) {
        super(message, cause);
    }
}
