package io.datatoken.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

class ChainSettingsTest {

    private static final URI RPC = URI.create("http://127.0.0.1:8545");

    @Test
    void defaults_poll_quickly_and_ask_the_node_for_the_gas_price() {
        ChainSettings settings = ChainSettings.of(RPC, 31337, () -> "0x01");

        assertThat(settings.pollingInterval()).isEqualTo(Duration.ofMillis(100));
        assertThat(settings.receiptTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.gasPrice()).isNull();
    }

    @Test
    void never_prints_the_private_key() {
        Supplier<String> key = new Supplier<>() {
            @Override
            public String get() {
                return "0xsecret";
            }

            @Override
            public String toString() {
                return "0xsecret";
            }
        };

        assertThat(ChainSettings.of(RPC, 31337, key).toString()).doesNotContain("secret").contains("31337");
    }

    @Test
    void rejects_nonsense() {
        assertThatThrownBy(() -> ChainSettings.of(RPC, 0, () -> "k")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChainSettings.of(RPC, 1, () -> "k").withPollingInterval(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChainSettings.of(RPC, 1, () -> "k").withReceiptTimeout(Duration.ofMillis(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChainSettings.of(RPC, 1, () -> "k").withGas(BigInteger.ZERO, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
