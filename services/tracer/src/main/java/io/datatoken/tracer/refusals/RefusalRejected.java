package io.datatoken.tracer.refusals;

/** A reported refusal the tracer does not keep; {@code type} names the problem for the answer. */
public final class RefusalRejected extends RuntimeException {

    /** Why: the report cannot be read as a signed refusal, or its signer may not report for the DT. */
    public enum Kind { MALFORMED, NOT_ALLOWED }

    private final Kind kind;
    private final String type;

    RefusalRejected(Kind kind, String type, String message) {
        super(message);
        this.kind = kind;
        this.type = type;
    }

    public Kind kind() {
        return kind;
    }

    public String type() {
        return type;
    }
}
