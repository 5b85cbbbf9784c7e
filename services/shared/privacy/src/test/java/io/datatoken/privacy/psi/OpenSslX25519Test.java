package io.datatoken.privacy.psi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** OpenSSL's libcrypto 3 is on every machine this project builds on (README, .ci/run). */
class OpenSslX25519Test extends X25519EngineContract {

    @Override
    X25519Engine engine() {
        return X25519Engine.openSsl().orElseThrow(() -> new AssertionError(
                "OpenSSL's libcrypto.so.3 did not load through JNA: install libssl3"));
    }

    @Test
    void is_the_fastest_engine_where_it_loads() {
        assertThat(X25519Engine.fastest().name()).isEqualTo("openssl");
        assertThat(new BlindingPool(1).engine().name()).isEqualTo("openssl");
    }

    @Test
    void a_closed_multiplier_refuses_to_multiply() {
        var multiplier = engine().multiplier(new byte[32]);
        multiplier.close();
        multiplier.close(); // twice is harmless: the native state is freed once
        assertThatThrownBy(() -> multiplier.multiply(new byte[32], 0, new byte[32], 0))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }
}
