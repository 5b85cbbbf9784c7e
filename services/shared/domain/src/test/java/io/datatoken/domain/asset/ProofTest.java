package io.datatoken.domain.asset;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProofTest {

    @Test
    void is_the_sha256_of_the_canonical_bytes() {
        // sha-256("abc"), FIPS 180-2 test vector.
        assertThat(Proof.sha256Of("abc".getBytes(UTF_8)).value())
                .isEqualTo("0xba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
            "0xBA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD", "0x1234"})
    void is_0x_and_64_lower_case_hex_digits(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> Proof.of(value)).withMessageContaining("64 lower-case hex");
    }
}
