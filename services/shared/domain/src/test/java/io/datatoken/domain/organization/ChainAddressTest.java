package io.datatoken.domain.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class ChainAddressTest {

    @Test
    void equality_ignores_checksum_capitalisation() {
        assertThat(ChainAddress.of("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"))
                .isEqualTo(ChainAddress.of("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266"));
    }

    @Test
    void rejects_short_or_unprefixed_addresses() {
        assertThatIllegalArgumentException().isThrownBy(() -> ChainAddress.of("0x1234"));
        assertThatIllegalArgumentException().isThrownBy(() -> ChainAddress.of("f39fd6e51aad88f6f4ce6ab8827279cfffb92266"));
    }
}
