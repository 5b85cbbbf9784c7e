package io.datatoken.domain.asset;

/** Base of the reasons a reader refuses a DDO, so callers can handle them as one family. */
public abstract class DdoRejected extends RuntimeException {

    protected DdoRejected(String message) {
        super(message);
    }
}
