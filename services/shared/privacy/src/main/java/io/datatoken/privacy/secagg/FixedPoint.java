package io.datatoken.privacy.secagg;

/**
 * Reals as elements of the ring Z_2^64: {@code v -> round(v * 2^fractionBits)} in two's complement, so
 * that Java's wrapping {@code long} arithmetic is the ring's. A sum decodes correctly as long as its true
 * value stays within {@code ±2^(63 - fractionBits)}; each encoded value is off by at most
 * {@code 2^-(fractionBits + 1)}.
 */
public record FixedPoint(int fractionBits) {

    /** 24 fraction bits: resolution 6e-8, sums up to ±5.5e11. */
    public static final FixedPoint DEFAULT = new FixedPoint(24);

    public FixedPoint {
        if (fractionBits < 0 || fractionBits > 52) {
            throw new IllegalArgumentException("fractionBits must be in [0, 52]: " + fractionBits);
        }
    }

    /** The largest magnitude a value or a sum may have. */
    public double range() {
        return Math.scalb(1.0, 63 - fractionBits);
    }

    /** The largest error of the decoded sum of {@code summands} encoded values. */
    public double tolerance(int summands) {
        return summands * Math.scalb(1.0, -(fractionBits + 1));
    }

    public long encode(double value) {
        if (!(Math.abs(value) < range())) {
            throw new IllegalArgumentException("out of the fixed-point range ±" + range() + ": " + value);
        }
        return Math.round(Math.scalb(value, fractionBits));
    }

    public double decode(long element) {
        return Math.scalb((double) element, -fractionBits);
    }

    public long[] encode(double[] values) {
        long[] elements = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            elements[i] = encode(values[i]);
        }
        return elements;
    }

    public double[] decode(long[] elements) {
        double[] values = new double[elements.length];
        for (int i = 0; i < elements.length; i++) {
            values[i] = decode(elements[i]);
        }
        return values;
    }
}
