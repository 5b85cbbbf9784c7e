package io.datatoken.verifier.verification;

import io.datatoken.domain.verification.VerificationReport;

/**
 * A verification or authorization the verifier refuses. {@code reason} is a stable kebab word;
 * when terms were checked, the report says which child broke which rule.
 */
public final class VerificationRefused extends RuntimeException {

    /** Why, in the terms an HTTP answer needs. */
    public enum Why {
        INVALID, FORBIDDEN, NOT_FOUND, CONFLICT
    }

    private final Why why;
    private final String reason;
    private final transient VerificationReport report;

    public VerificationRefused(Why why, String reason, String message) {
        this(why, reason, message, null);
    }

    public VerificationRefused(Why why, String reason, String message, VerificationReport report) {
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

    /** The why-denied report, when the refusal comes from the terms. */
    public VerificationReport report() {
        return report;
    }
}
