package io.datatoken.privacy.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class MomentsTest {

    @Test
    void the_squares_carry_and_borrow_between_their_two_words_and_the_other_words_wrap_mod_2_64() {
        var almost = new Moments(-1, Long.MAX_VALUE, -1, 0);
        var one = new Moments(1, 1, 1, 0);

        assertThat(almost.plus(one)).isEqualTo(new Moments(0, Long.MIN_VALUE, 0, 1));
        assertThat(almost.plus(one).minus(one)).isEqualTo(almost);
        assertThat(new Moments(0, 0, 0, 1).squares()).isEqualTo(BigInteger.ONE.shiftLeft(64));
        assertThat(new Moments(0, 0, -1, -1).squares()).isEqualTo(BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE));
    }

    @Test
    void a_row_adds_one_to_the_count_a_to_the_sum_and_a_squared_exactly_to_the_squares() {
        long a = -((1L << 62) - 12345);

        Moments row = Moments.ZERO.withRow(a).withRow(a);

        assertThat(row.count()).isEqualTo(2);
        assertThat(row.sum()).isEqualTo(2 * a);
        assertThat(row.squares()).isEqualTo(BigInteger.valueOf(a).pow(2).shiftLeft(1));
    }

    @Test
    void subtracting_random_masks_and_adding_them_back_restores_the_element() {
        var random = new SecureRandom();
        var element = Moments.random(random);
        var mask = Moments.random(random);

        assertThat(element.minus(mask).plus(mask)).isEqualTo(element);
        assertThat(element.minus(mask)).isNotEqualTo(element);
    }
}
