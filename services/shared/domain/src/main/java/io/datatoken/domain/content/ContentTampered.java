package io.datatoken.domain.content;

/**
 * The store answered bytes, or a CID, other than the ones asked for: it cannot be trusted.
 * {@code actual} is what the store answered (a CID computed from its bytes, or the CID text it
 * returned), kept as text because an untrusted answer need not even be a valid CID.
 */
public final class ContentTampered extends ContentException {

    private final transient Cid expected;
    private final String actual;

    public ContentTampered(Cid expected, String actual) {
        super("content store answered " + actual + " where " + expected + " was expected");
        this.expected = expected;
        this.actual = actual;
    }

    public Cid expected() {
        return expected;
    }

    public String actual() {
        return actual;
    }
}
