package io.datatoken.portal.ui.trace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TraceFormTest {

    @Test
    void aDtIdIs0xAnd64HexDigits() {
        assertThat(TraceForm.isValidDt("0x" + "a1".repeat(32))).isTrue();
        assertThat(TraceForm.isValidDt(" 0x" + "A1".repeat(32) + " ")).isTrue();
        assertThat(TraceForm.isValidDt("0x1234")).isFalse();
        assertThat(TraceForm.isValidDt("a1".repeat(32))).isFalse();
        assertThat(TraceForm.isValidDt("0x" + "g1".repeat(32))).isFalse();
        assertThat(TraceForm.isValidDt(null)).isFalse();
    }
}
