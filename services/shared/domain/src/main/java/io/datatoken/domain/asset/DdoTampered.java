package io.datatoken.domain.asset;

/** The document read back is well formed but is not the one whose proof the chain records. */
public final class DdoTampered extends DdoRejected {

    private final transient Proof expected;
    private final transient Proof actual;

    public DdoTampered(Proof expected, Proof actual) {
        super("DDO proof mismatch: the chain records " + expected + " but the document hashes to " + actual);
        this.expected = expected;
        this.actual = actual;
    }

    public Proof expected() {
        return expected;
    }

    public Proof actual() {
        return actual;
    }
}
