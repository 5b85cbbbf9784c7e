package io.datatoken.asset.ops;

import io.datatoken.domain.op.OpLedger;

/** Op registrations over a ledger, for tests outside this package (CDI injects the fields). */
public final class OpRegistrations {

    private OpRegistrations() {
    }

    /** A registration that reads and changes {@code ledger}; it has no content store. */
    public static OpRegistration over(OpLedger ledger) {
        OpRegistration registration = new OpRegistration();
        registration.ledger = ledger;
        return registration;
    }
}
