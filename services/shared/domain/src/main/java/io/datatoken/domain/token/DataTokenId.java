package io.datatoken.domain.token;

import io.datatoken.domain.ledger.Bytes32Hex;

/** The id of a Data Token, {@code 0x} + 64 lower-case hex digits (the {@code dt} of its DDO). */
public record DataTokenId(String value) {

    public DataTokenId {
        value = Bytes32Hex.require(value, "data token id");
    }

    public static DataTokenId of(String value) {
        return new DataTokenId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
