package io.datatoken.privacy.paillier;

import static io.datatoken.privacy.paillier.TestKeys.KEYS;
import static io.datatoken.privacy.paillier.TestKeys.RANDOM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class FixedPointTest {

    private final PaillierPublicKey key = KEYS.publicKey();
    private final BigInteger n = key.modulus();
    private final FixedPoint fixedPoint = new FixedPoint(n, 32, 64);

    @Test
    void signed_decimals_on_the_grid_round_trip_exactly() {
        for (String v : new String[] {"0", "1", "-1", "-1.5", "0.25", "123456789.000244140625", "-18446744073709551615.5"}) {
            BigDecimal value = new BigDecimal(v);

            assertThat(fixedPoint.decode(fixedPoint.encode(value))).isEqualByComparingTo(value);
        }
        assertThat(fixedPoint.encode(new BigDecimal("-1"))).isEqualTo(n.subtract(BigInteger.ONE.shiftLeft(32)));
    }

    @Test
    void values_between_grid_points_round_half_to_even_within_half_a_step() {
        BigDecimal step = new BigDecimal(BigInteger.ONE).divide(new BigDecimal(BigInteger.ONE.shiftLeft(32)));
        BigDecimal halfStep = step.divide(BigDecimal.TWO);

        assertThat(fixedPoint.decode(fixedPoint.encode(halfStep))).isEqualByComparingTo("0");
        assertThat(fixedPoint.decode(fixedPoint.encode(halfStep.multiply(BigDecimal.valueOf(3))))).isEqualByComparingTo(step.multiply(BigDecimal.TWO));
        BigDecimal third = new BigDecimal("-0.333333333333333333333");
        assertThat(fixedPoint.decode(fixedPoint.encode(third)).subtract(third).abs()).isLessThanOrEqualTo(halfStep);
    }

    @Test
    void values_outside_the_agreed_range_are_refused() {
        BigDecimal limit = new BigDecimal(BigInteger.ONE.shiftLeft(64));

        assertThatThrownBy(() -> fixedPoint.encode(limit))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("|v| < 2^64");
        assertThatThrownBy(() -> fixedPoint.encode(limit.negate())).isInstanceOf(IllegalArgumentException.class);
        assertThat(fixedPoint.decode(fixedPoint.encode(limit.subtract(BigDecimal.ONE)))).isEqualByComparingTo(limit.subtract(BigDecimal.ONE));
    }

    @Test
    void the_capacity_is_how_many_extreme_values_fit_half_the_modulus() {
        assertThat(new FixedPoint(n, 32, 460).capacity()).isEqualTo(n.subtract(BigInteger.ONE).shiftRight(1).shiftRight(492).longValueExact());
        assertThat(fixedPoint.capacity()).isEqualTo(Long.MAX_VALUE);
        assertThatThrownBy(() -> new FixedPoint(n, 32, 480))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot hold");
    }

    @Test
    void negative_sums_and_fixed_point_products_decode_under_encryption() {
        Ciphertext sum = key.add(key.encrypt(fixedPoint.encode(new BigDecimal("2.5")), RANDOM),
                key.encrypt(fixedPoint.encode(new BigDecimal("-10.75")), RANDOM));
        // 0.5 at 32 scale bits times the ciphertext: the product carries 64 scale bits.
        Ciphertext product = key.multiply(sum, fixedPoint.encode(new BigDecimal("0.5")));

        assertThat(fixedPoint.decode(KEYS.privateKey().decrypt(sum))).isEqualByComparingTo("-8.25");
        assertThat(fixedPoint.decode(KEYS.privateKey().decrypt(product), 64)).isEqualByComparingTo("-4.125");
    }
}
