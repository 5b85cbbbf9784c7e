package io.datatoken.privacy.stats;

import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * A party's count, sum and sum of squares as one element of the ring Z_(2^64) × Z_(2^64) × Z_(2^128):
 * the count and the sum of the fixed-point values a = round(x 2^s) are 64-bit words like the S1
 * ops' ring elements; the sum of squares, whose terms a^2 have 2s fractional bits and outgrow 64
 * bits, is one element of Z_(2^128) held as two 64-bit words (low, high). Shares and totals are
 * such elements; adding and subtracting wrap around in each component (Java's long arithmetic is
 * arithmetic mod 2^64; the low word of the squares carries into the high one).
 */
public record Moments(long count, long sum, long squaresLow, long squaresHigh) {

    public static final Moments ZERO = new Moments(0, 0, 0, 0);

    /** A uniformly random ring element: every component's every bit from {@code random}. */
    public static Moments random(SecureRandom random) {
        return new Moments(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong());
    }

    public Moments plus(Moments other) {
        long low = squaresLow + other.squaresLow;
        long carry = Long.compareUnsigned(low, squaresLow) < 0 ? 1 : 0;
        return new Moments(count + other.count, sum + other.sum, low, squaresHigh + other.squaresHigh + carry);
    }

    public Moments minus(Moments other) {
        long low = squaresLow - other.squaresLow;
        long borrow = Long.compareUnsigned(squaresLow, other.squaresLow) < 0 ? 1 : 0;
        return new Moments(count - other.count, sum - other.sum, low, squaresHigh - other.squaresHigh - borrow);
    }

    /** This element plus a^2 in the squares (a^2 < 2^126 for |a| < 2^63), the count plus one and the sum plus a: one more row. */
    Moments withRow(long a) {
        return plus(new Moments(1, a, a * a, Math.multiplyHigh(a, a)));
    }

    /** The sum of squares read as the unsigned number 0 ≤ q < 2^128. */
    public BigInteger squares() {
        return new BigInteger(Long.toUnsignedString(squaresHigh)).shiftLeft(64).or(new BigInteger(Long.toUnsignedString(squaresLow)));
    }
}
