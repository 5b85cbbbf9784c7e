package io.datatoken.domain.market;

import io.datatoken.domain.ledger.Bytes32Hex;

/** A task of the market: {@code 0x} + 64 lower-case hex digits. */
public record TaskId(String value) {

    public TaskId {
        value = Bytes32Hex.require(value, "task id");
    }

    public static TaskId of(String value) {
        return new TaskId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
