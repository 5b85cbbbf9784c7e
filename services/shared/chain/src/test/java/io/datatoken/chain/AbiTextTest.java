package io.datatoken.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;

class AbiTextTest {

    @Test
    void spells_each_value_one_way() {
        byte[] bytes = new byte[32];
        bytes[0] = (byte) 0xAB;
        assertThat(AbiText.of(new Address("0xF39Fd6e51aad88F6F4ce6aB8827279cffFb92266")))
                .isEqualTo("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266");
        assertThat(AbiText.of(new Bytes32(bytes))).isEqualTo("0xab" + "0".repeat(62));
        assertThat(AbiText.of(new Uint256(BigInteger.TWO.pow(255)))).isEqualTo(BigInteger.TWO.pow(255).toString());
        assertThat(AbiText.of(new Uint8(7))).isEqualTo("7");
        assertThat(AbiText.of(new Bool(true))).isEqualTo("true");
        assertThat(AbiText.of(new Utf8String("as \"is\""))).isEqualTo("as \"is\"");
    }

    @Test
    void writes_arrays_as_json_arrays_of_their_elements_text() {
        assertThat(AbiText.of(new DynamicArray<>(Utf8String.class, List.of(new Utf8String("a\"b"), new Utf8String("c")))))
                .isEqualTo("[\"a\\\"b\",\"c\"]");
        assertThat(AbiText.of(new DynamicArray<>(Bool.class, List.of(new Bool(false))))).isEqualTo("[\"false\"]");
        assertThat(AbiText.of(new DynamicArray<>(Bytes32.class, List.of()))).isEqualTo("[]");
    }
}
