package io.datatoken.domain.organization;

/**
 * The ledger could not be reached or did not confirm a change in time. Unlike a
 * {@link LedgerRefusal}, the same request may succeed later; a change may or may not have
 * been applied, so callers re-read before retrying.
 */
public class LedgerUnavailable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LedgerUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
