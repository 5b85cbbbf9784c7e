package io.datatoken.compute.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RingMatricesTest {

    @Test
    void ringElementsUpTo2To64Minus1ParseAsTheirLow64Bits() {
        long[][] m = RingMatrices.parse("[[0,18446744073709551615],[1,9223372036854775808]]");
        assertThat(m[0]).containsExactly(0L, -1L);
        assertThat(m[1]).containsExactly(1L, Long.MIN_VALUE);
    }

    @Test
    void outOfRangeRaggedAndNonIntegerMatricesAreRefused() {
        assertThatThrownBy(() -> RingMatrices.parse("[[18446744073709551616]]")).hasMessageContaining("[0, 2^64)");
        assertThatThrownBy(() -> RingMatrices.parse("[[-1]]")).hasMessageContaining("[0, 2^64)");
        assertThatThrownBy(() -> RingMatrices.parse("[[1,2],[3]]")).hasMessageContaining("different lengths");
        assertThatThrownBy(() -> RingMatrices.parse("[[1.5]]")).hasMessageContaining("integers only");
        assertThatThrownBy(() -> RingMatrices.parse("[]")).hasMessageContaining("non-empty");
        assertThatThrownBy(() -> RingMatrices.parse("{")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anOpsOutputIsCheckedBeforeItsMatricesGoAnywhere() {
        assertThat(RingMatrices.listFromOutput("{\"shares\":[[[1]],[[2]]]}", "shares")).containsExactly("[[1]]", "[[2]]");
        assertThat(RingMatrices.fromOutput("{\"sum\":[[3,4]]}", "sum")).isEqualTo("[[3,4]]");
        assertThatThrownBy(() -> RingMatrices.fromOutput("{\"total\":[[3]]}", "sum")).hasMessageContaining("no array 'sum'");
        assertThatThrownBy(() -> RingMatrices.listFromOutput("{\"shares\":[[[1]],[[-2]]]}", "shares"))
                .hasMessageContaining("[0, 2^64)");
    }

    @Test
    void realMatricesAreWrittenAsJsonNumbers() {
        assertThat(RingMatrices.json(new double[][] {{1.5, -2}, {0, 3}})).isEqualTo("[[1.5,-2.0],[0.0,3.0]]");
    }
}
