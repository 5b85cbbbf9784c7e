package io.datatoken.domain.market;

import io.datatoken.domain.ledger.Bytes32Hex;

/** A job (one algorithm token submitted to a task): {@code 0x} + 64 lower-case hex digits. */
public record JobId(String value) {

    public JobId {
        value = Bytes32Hex.require(value, "job id");
    }

    public static JobId of(String value) {
        return new JobId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
