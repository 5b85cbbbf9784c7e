package io.datatoken.domain.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class Bytes32HexTest {

    @Test
    void keeps_one_lower_case_spelling() {
        assertThat(Bytes32Hex.require("0x" + "AB".repeat(32), "id")).isEqualTo("0x" + "ab".repeat(32));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0x", "ab", "0xab",
            "0xgg00000000000000000000000000000000000000000000000000000000000000",
            "0x000000000000000000000000000000000000000000000000000000000000000001"})
    void refuses_anything_but_0x_and_64_hex_digits(String value) {
        assertThatThrownBy(() -> Bytes32Hex.require(value, "job id"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("job id");
    }

    @Test
    void refuses_zero_which_the_contracts_read_as_none() {
        assertThatThrownBy(() -> Bytes32Hex.require("0x" + "0".repeat(64), "task id"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zero");
        assertThatThrownBy(() -> Bytes32Hex.require(null, "task id")).isInstanceOf(NullPointerException.class);
    }
}
