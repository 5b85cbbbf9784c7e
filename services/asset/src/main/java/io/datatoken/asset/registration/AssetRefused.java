package io.datatoken.asset.registration;

/**
 * A registration or read the asset rules refuse, before anything is written. {@code reason} is a
 * stable kebab-case word for clients; the message tells a person what to change.
 */
public final class AssetRefused extends RuntimeException {

    /** Why, in the terms an HTTP answer needs. */
    public enum Why {
        /** The request itself is wrong. */
        INVALID,
        /** The caller may not do this. */
        FORBIDDEN,
        /** Nothing of that name. */
        NOT_FOUND,
        /** It contradicts what exists. */
        CONFLICT
    }

    private final Why why;
    private final String reason;

    public AssetRefused(Why why, String reason, String message) {
        super(message);
        this.why = why;
        this.reason = reason;
    }

    public Why why() {
        return why;
    }

    public String reason() {
        return reason;
    }
}
