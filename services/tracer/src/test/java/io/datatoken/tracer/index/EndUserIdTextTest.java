package io.datatoken.tracer.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.datatoken.tracer.LedgerHistory;
import org.junit.jupiter.api.Test;

class EndUserIdTextTest {

    @Test
    void an_id_holding_an_end_user_id_is_the_id() {
        assertThat(EndUserIdText.of(LedgerHistory.endUser("u-0042"))).isEqualTo("u-0042");
        // 32 characters fill the word: no padding at all
        assertThat(EndUserIdText.of(LedgerHistory.endUser("u".repeat(32)))).isEqualTo("u".repeat(32));
    }

    @Test
    void an_id_that_is_no_end_user_id_stays_in_hex() {
        String zero = "0x" + "0".repeat(64);
        String upperCase = LedgerHistory.endUser("U-0042");
        String binary = LedgerHistory.id("some user");

        assertThat(EndUserIdText.of(zero)).isEqualTo(zero);
        assertThat(EndUserIdText.of(upperCase)).isEqualTo(upperCase);
        assertThat(EndUserIdText.of(binary)).isEqualTo(binary);
    }
}
