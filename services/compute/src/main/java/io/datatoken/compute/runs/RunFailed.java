package io.datatoken.compute.runs;

/** A run cannot complete; the message says why in words the job's owner can act on. */
public class RunFailed extends RuntimeException {

    public RunFailed(String message) {
        super(message);
    }

    public RunFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
