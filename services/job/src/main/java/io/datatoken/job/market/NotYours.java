package io.datatoken.job.market;

/** The caller's organization does not own what it tries to change. */
public final class NotYours extends RuntimeException {

    public NotYours(String message) {
        super(message);
    }
}
