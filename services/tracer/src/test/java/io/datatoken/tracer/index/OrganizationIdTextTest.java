package io.datatoken.tracer.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.datatoken.tracer.LedgerHistory;
import org.junit.jupiter.api.Test;

class OrganizationIdTextTest {

    @Test
    void an_id_holding_an_alias_is_the_alias() {
        assertThat(OrganizationIdText.of(LedgerHistory.organization("bank-a"))).isEqualTo("bank-a");
        assertThat(OrganizationIdText.of(LedgerHistory.organization("bank-a").toUpperCase().replace("0X", "0x")))
                .isEqualTo("bank-a");
    }

    @Test
    void an_id_that_is_no_alias_stays_in_hex() {
        String zero = "0x" + "0".repeat(64);
        String notAnAlias = LedgerHistory.organization("Bank A");
        String binary = LedgerHistory.id("some organization");

        assertThat(OrganizationIdText.of(zero)).isEqualTo(zero);
        assertThat(OrganizationIdText.of(notAnAlias)).isEqualTo(notAnAlias);
        assertThat(OrganizationIdText.of(binary)).isEqualTo(binary);
    }
}
