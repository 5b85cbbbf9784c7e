package io.datatoken.domain.content;

/** The content store could not be reached or failed in a way that says nothing about the content. */
public final class ContentStoreUnavailable extends ContentException {

    public ContentStoreUnavailable(String message) {
        super(message);
    }

    public ContentStoreUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
