package io.datatoken.privacy.stats;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Collection;
import java.util.List;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The result recipient: adds the compute nodes' partial sums into the totals N (count),
 * S = Σ a and Q = Σ a^2 of the encoded values a = round(x 2^s), and computes from them, exactly in
 * integers before the one final rounding to double: mean S / (N 2^s), population variance
 * (N Q - S^2) / (N^2 2^(2s)), sample variance (N Q - S^2) / (N (N - 1) 2^(2s)). It learns these
 * totals and nothing per party.
 */
public final class StatsRecipient {

    private final StatsParameters parameters;

    public StatsRecipient(StatsParameters parameters) {
        this.parameters = parameters;
    }

    /** Needs one partial sum from every compute node, all over the same, complete set of parties; refuses totals no honest run gives. */
    public JointStatistics statistics(Collection<PartialMoments> partials) {
        var byNode = new TreeMap<Integer, PartialMoments>();
        for (PartialMoments partial : partials) {
            if (byNode.put(partial.node(), partial) != null) {
                throw new IllegalArgumentException("two partial sums from node " + partial.node());
            }
        }
        if (byNode.size() != parameters.computeNodes() || byNode.firstKey() != 0 || byNode.lastKey() != parameters.computeNodes() - 1) {
            throw new IllegalArgumentException("the statistics need the partial sums of nodes 0 to " + (parameters.computeNodes() - 1)
                    + ", not of " + byNode.keySet());
        }
        List<String> parties = byNode.firstEntry().getValue().parties();
        for (PartialMoments partial : byNode.values()) {
            if (!partial.parties().equals(parties)) {
                throw new IllegalArgumentException("node " + partial.node() + " added the shares of " + partial.parties()
                        + ", node 0 those of " + parties + ": every node must add the same parties'");
            }
        }
        if (parties.size() != parameters.parties()) {
            throw new IllegalArgumentException("the nodes added the shares of " + parties.size() + " parties " + parties + ", not of all "
                    + parameters.parties());
        }
        Moments totals = Moments.ZERO;
        for (PartialMoments partial : byNode.values()) {
            totals = totals.plus(partial.sum());
        }
        return statistics(parties, totals);
    }

    private JointStatistics statistics(List<String> parties, Moments totals) {
        long count = totals.count();
        BigInteger n = BigInteger.valueOf(count);
        BigInteger s = BigInteger.valueOf(totals.sum());
        BigInteger q = totals.squares();
        int bits = parameters.valueBits() + parameters.scaleBits();
        // Within the bounds |S| ≤ N 2^b, Q ≤ N 2^(2b) and N Q ≥ S^2 (Cauchy-Schwarz); outside them the shares did not add up.
        if (count < 0 || count > parameters.maxTotalRows() || s.abs().compareTo(n.shiftLeft(bits)) > 0
                || q.compareTo(n.shiftLeft(2 * bits)) > 0 || n.multiply(q).compareTo(s.multiply(s)) < 0) {
            throw new IllegalStateException("the totals are inconsistent (count " + Long.toUnsignedString(count)
                    + "): a node or party sent a wrong share, or shares of different runs were mixed");
        }
        int scale = parameters.scaleBits();
        double sum = ratio(s, BigInteger.ONE.shiftLeft(scale));
        if (count == 0) {
            return new JointStatistics(parties, 0, sum, OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty());
        }
        BigInteger spread = n.multiply(q).subtract(s.multiply(s));
        OptionalDouble mean = OptionalDouble.of(ratio(s, n.shiftLeft(scale)));
        OptionalDouble population = OptionalDouble.of(ratio(spread, n.multiply(n).shiftLeft(2 * scale)));
        OptionalDouble sample = count < 2 ? OptionalDouble.empty()
                : OptionalDouble.of(ratio(spread, n.multiply(n.subtract(BigInteger.ONE)).shiftLeft(2 * scale)));
        return new JointStatistics(parties, count, sum, mean, population, sample);
    }

    private static double ratio(BigInteger numerator, BigInteger denominator) {
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), MathContext.DECIMAL128).doubleValue();
    }
}
