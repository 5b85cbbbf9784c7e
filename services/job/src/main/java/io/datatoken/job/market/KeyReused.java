package io.datatoken.job.market;

/** An Idempotency-Key sent again with another request than the one it first posted. */
public final class KeyReused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    KeyReused(String message) {
        super(message);
    }
}
