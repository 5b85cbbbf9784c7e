package io.datatoken.domain.verification;

import io.datatoken.domain.op.OpHash;
import io.datatoken.domain.op.OpLedger;
import java.util.function.Function;

/** What the op registry says of an op hash. */
public enum OpStatus {
    USABLE,
    DEPRECATED,
    UNKNOWN;

    /** Each op hash's status as the registry has it now: what {@link TermsVerifier} asks of the ops it meets. */
    public static Function<String, OpStatus> in(OpLedger ops) {
        return op -> ops.find(OpHash.of(op)).map(o -> o.usable() ? USABLE : DEPRECATED).orElse(UNKNOWN);
    }
}
