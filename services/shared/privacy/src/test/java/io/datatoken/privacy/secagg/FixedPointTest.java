package io.datatoken.privacy.secagg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FixedPointTest {

    private static final FixedPoint CODEC = FixedPoint.DEFAULT;

    @Test
    void decodes_within_half_a_unit_of_the_last_place() {
        for (double value : new double[] {0, 1e-9, -3.75, 1234.5678, -98765.4321, 1e11}) {
            assertThat(CODEC.decode(CODEC.encode(value))).isCloseTo(value, within(CODEC.tolerance(1)));
        }
    }

    @Test
    void negative_values_wrap_in_the_ring_and_sums_still_decode() {
        long sum = CODEC.encode(-2.5) + CODEC.encode(1.25) + CODEC.encode(-0.125);

        assertThat(CODEC.encode(-1)).isNegative();
        assertThat(CODEC.decode(sum)).isEqualTo(-1.375);
    }

    @Test
    void refuses_values_outside_its_range() {
        assertThatIllegalArgumentException().isThrownBy(() -> CODEC.encode(CODEC.range()));
        assertThatIllegalArgumentException().isThrownBy(() -> CODEC.encode(Double.NaN));
    }
}
