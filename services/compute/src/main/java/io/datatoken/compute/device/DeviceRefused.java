package io.datatoken.compute.device;

/** A device request that cannot be done; nothing was written. {@code reason} is a problem type. */
public final class DeviceRefused extends RuntimeException {

    /** How a refusal maps to HTTP. */
    public enum Why { INVALID, FORBIDDEN, NOT_FOUND, CONFLICT }

    private final Why why;
    private final String reason;
    private final transient Object report;

    public DeviceRefused(Why why, String reason, String message) {
        this(why, reason, message, null);
    }

    public DeviceRefused(Why why, String reason, String message, Object report) {
        super(message);
        this.why = why;
        this.reason = reason;
        this.report = report;
    }

    public Why why() {
        return why;
    }

    public String reason() {
        return reason;
    }

    /** The verdict behind a refusal, if one. */
    public Object report() {
        return report;
    }
}
