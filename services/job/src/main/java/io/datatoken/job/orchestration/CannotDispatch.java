package io.datatoken.job.orchestration;

/** The job's parties cannot be found: its algorithm's composition cannot be read, or names no party. */
public final class CannotDispatch extends RuntimeException {

    public CannotDispatch(String message) {
        super(message);
    }
}
