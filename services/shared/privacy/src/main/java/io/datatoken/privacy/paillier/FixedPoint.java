package io.datatoken.privacy.paillier;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Signed decimals as Paillier plaintexts: v becomes a = round(v 2^scaleBits) (half to even) mod n,
 * so the resolution is 2^-scaleBits and the encoding error at most 2^-(scaleBits + 1). Residues
 * above (n - 1) / 2 read back as negative. Each value must satisfy |v| < 2^valueBits, hence
 * |a| ≤ 2^(valueBits + scaleBits); a sum of up to {@link #capacity()} such values then stays within
 * ±(n - 1) / 2 and decodes exactly to the sum of the encoded values. A product with a constant
 * encoded at c scale bits carries scaleBits + c scale bits: decode it with {@link #decode(BigInteger, int)},
 * and mind the range (the caller's bound: |a k| summed must stay below n / 2).
 */
public final class FixedPoint {

    /** 2^-32 ≈ 2.3e-10 resolution. */
    public static final int DEFAULT_SCALE_BITS = 32;
    /** |v| < 2^64 ≈ 1.8e19. */
    public static final int DEFAULT_VALUE_BITS = 64;

    private final BigInteger n;
    private final BigInteger half;
    private final int scaleBits;
    private final int valueBits;
    private final BigDecimal limit;
    private final long capacity;

    public FixedPoint(BigInteger modulus, int scaleBits, int valueBits) {
        if (scaleBits < 0 || valueBits < 0) {
            throw new IllegalArgumentException("scale bits and value bits are >= 0");
        }
        this.n = modulus;
        this.half = modulus.subtract(BigInteger.ONE).shiftRight(1);
        this.scaleBits = scaleBits;
        this.valueBits = valueBits;
        this.limit = new BigDecimal(BigInteger.ONE.shiftLeft(valueBits));
        BigInteger fits = half.shiftRight(valueBits + scaleBits);
        if (fits.signum() == 0) {
            throw new IllegalArgumentException("a " + modulus.bitLength() + "-bit modulus cannot hold values of 2^" + valueBits
                    + " at " + scaleBits + " scale bits");
        }
        this.capacity = fits.min(BigInteger.valueOf(Long.MAX_VALUE)).longValueExact();
    }

    public int scaleBits() {
        return scaleBits;
    }

    public int valueBits() {
        return valueBits;
    }

    /** How many values of |v| < 2^valueBits may be added before the sum could wrap around n (at most Long.MAX_VALUE). */
    public long capacity() {
        return capacity;
    }

    /** round(v 2^scaleBits) mod n; refuses |v| ≥ 2^valueBits. */
    public BigInteger encode(BigDecimal value) {
        if (value.abs().compareTo(limit) >= 0) {
            throw new IllegalArgumentException("the value " + value.toPlainString() + " is outside the agreed range |v| < 2^" + valueBits
                    + ": a sum could then wrap around the modulus");
        }
        BigInteger scaled = value.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(scaleBits))).setScale(0, RoundingMode.HALF_EVEN)
                .toBigIntegerExact();
        return scaled.mod(n);
    }

    /** The signed decimal of a plaintext at this codec's scale. */
    public BigDecimal decode(BigInteger plaintext) {
        return decode(plaintext, scaleBits);
    }

    /** The signed decimal of a plaintext carrying {@code scale} fractional bits: exact, since a / 2^s = a 5^s / 10^s. */
    public BigDecimal decode(BigInteger plaintext, int scale) {
        if (plaintext.signum() < 0 || plaintext.compareTo(n) >= 0) {
            throw new IllegalArgumentException("a plaintext is a residue 0 <= m < n");
        }
        BigInteger signed = plaintext.compareTo(half) > 0 ? plaintext.subtract(n) : plaintext;
        return new BigDecimal(signed.multiply(BigInteger.valueOf(5).pow(scale)), scale).stripTrailingZeros();
    }
}
