package io.datatoken.privacy.stats;

/**
 * What all parties of a joint-statistics run agree on beforehand: how many compute nodes and data
 * parties take part, and the fixed point.
 *
 * <p><b>Precision.</b> A value x is encoded as a = round(x 2^scaleBits) (half to even), so each
 * row is off by at most 2^-(scaleBits + 1): the mean by at most that too, the variance (computed
 * exactly from the encoded values) by at most σ 2^-scaleBits + 2^-(2 scaleBits + 2), σ the
 * column's standard deviation. The default 16 scale bits are ss-share's: 2^-16 ≈ 1.5e-5.
 *
 * <p><b>Overflow bounds.</b> Each value satisfies |x| < 2^valueBits, so |a| ≤ 2^b with
 * b = valueBits + scaleBits ≤ 62. The totals must not wrap around their rings: the sum, read as a
 * signed 64-bit word, needs N 2^b ≤ 2^63 - 1, hence at most {@link #maxTotalRows()} = 2^(63 - b) - 1
 * rows in all; the sum of squares, below N 2^(2b) ≤ 2^(63 + b) ≤ 2^125, then fits its 128 bits and
 * the count its 64. No party knows the others' row counts (they are secret until the end), so each
 * party keeps to its own allowance, {@link #maxRowsPerParty()} = maxTotalRows / parties, and refuses
 * more rows or an out-of-range value; together the parties then cannot overflow. With the defaults
 * (16 scale bits, |x| < 2^20 ≈ 1.05e6): 2^27 - 1 ≈ 134 million rows in all.
 */
public record StatsParameters(int computeNodes, int parties, int scaleBits, int valueBits) {

    public static final int DEFAULT_SCALE_BITS = 16;
    public static final int DEFAULT_VALUE_BITS = 20;
    /** Largest valueBits + scaleBits: one row's |a| ≤ 2^62 leaves at least one row's room in a signed 64-bit sum. */
    public static final int MAX_TOTAL_BITS = 62;

    public StatsParameters {
        if (computeNodes < 2) {
            throw new IllegalArgumentException("secret sharing needs at least 2 compute nodes, not " + computeNodes);
        }
        if (parties < 1) {
            throw new IllegalArgumentException("joint statistics need at least one data party, not " + parties);
        }
        if (scaleBits < 0 || valueBits < 0 || scaleBits + valueBits > MAX_TOTAL_BITS) {
            throw new IllegalArgumentException("scale bits (" + scaleBits + ") and value bits (" + valueBits
                    + ") are >= 0 and add up to at most " + MAX_TOTAL_BITS + ", or a single row could overflow the 64-bit sum");
        }
        if (maxTotalRows(scaleBits, valueBits) / parties < 1) {
            throw new IllegalArgumentException(parties + " parties cannot each have a row: values of 2^" + valueBits + " at " + scaleBits
                    + " scale bits leave room for " + maxTotalRows(scaleBits, valueBits) + " rows in all");
        }
    }

    /** The defaults' fixed point: 16 scale bits, |x| < 2^20. */
    public static StatsParameters of(int computeNodes, int parties) {
        return new StatsParameters(computeNodes, parties, DEFAULT_SCALE_BITS, DEFAULT_VALUE_BITS);
    }

    /** 2^(63 - valueBits - scaleBits) - 1: the most rows all parties together may have. */
    public long maxTotalRows() {
        return maxTotalRows(scaleBits, valueBits);
    }

    /** Each party's share of {@link #maxTotalRows()}. */
    public long maxRowsPerParty() {
        return maxTotalRows() / parties;
    }

    /** round(x 2^scaleBits); refuses a value that is not a number or not below 2^valueBits in magnitude. */
    public long encode(double value) {
        if (!Double.isFinite(value) || Math.abs(value) >= Math.scalb(1.0, valueBits)) {
            throw new IllegalArgumentException("the value " + value + " is outside the agreed range |x| < 2^" + valueBits
                    + " (" + (double) (1L << valueBits) + "): the totals could overflow");
        }
        return (long) Math.rint(Math.scalb(value, scaleBits)); // scaling by 2^s is exact; |x 2^s| < 2^62 converts exactly
    }

    private static long maxTotalRows(int scaleBits, int valueBits) {
        return (1L << (63 - scaleBits - valueBits)) - 1;
    }
}
