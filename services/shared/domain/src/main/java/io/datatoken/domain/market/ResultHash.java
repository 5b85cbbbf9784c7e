package io.datatoken.domain.market;

import io.datatoken.domain.ledger.Bytes32Hex;

/** The hash of what one party's op produced for a job: {@code 0x} + 64 lower-case hex digits. */
public record ResultHash(String value) {

    public ResultHash {
        value = Bytes32Hex.require(value, "result hash");
    }

    public static ResultHash of(String value) {
        return new ResultHash(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
