package io.datatoken.privacy.secagg;

/**
 * What every party of one aggregation round agrees on beforehand: the round number (bound into every
 * derived key), the threshold t (shares needed to reconstruct a seed, and the fewest users the server
 * may finish a round with), the input length and its fixed-point encoding.
 */
public record SecAggConfig(long round, int threshold, int length, FixedPoint fixedPoint) {

    public SecAggConfig {
        if (threshold < 2) {
            throw new IllegalArgumentException("a threshold below 2 lets the server unmask one user alone");
        }
        if (length < 1) {
            throw new IllegalArgumentException("inputs need at least one element");
        }
    }

    /** t = floor(2n/3) + 1 for n expected users: more than half must collude with the server, a third may drop. */
    public static int recommendedThreshold(int users) {
        return 2 * users / 3 + 1;
    }
}
