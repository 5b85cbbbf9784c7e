package io.datatoken.compute.refusals;

/** Hands the tracer a refusal this node signed. */
public interface TracerReports {

    /** No tracer configured: refusals wait in the outbox until one is. */
    TracerReports OFF = new TracerReports() {
        @Override
        public boolean on() {
            return false;
        }

        @Override
        public void report(Refusal refusal, String signature) {
            throw new Unreachable("no tracer is configured (datatoken.compute.tracer-url)", null);
        }
    };

    /** False when the node reports to no tracer. */
    boolean on();

    /**
     * Returns once the tracer kept the refusal, now or before.
     *
     * @throws Refused     the tracer checked the report and will never keep it (reporting it again will not help)
     * @throws Unreachable the tracer did not answer, or answered that it cannot now
     */
    void report(Refusal refusal, String signature);

    final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    final class Unreachable extends RuntimeException {
        public Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
