package io.datatoken.privacy.stats;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * A data party: computes its rows' count, sum and sum of squares in fixed point and splits them
 * into one additive share per compute node. Every share but the last is uniformly random, the last
 * is the moments minus the others, so any computeNodes - 1 shares are uniformly distributed
 * whatever the data. Checks the agreed bounds first (the nodes cannot: they see only shares).
 */
public final class StatsParty {

    private final String name;
    private final StatsParameters parameters;
    private final SecureRandom random;

    public StatsParty(String name, StatsParameters parameters, SecureRandom random) {
        this.name = name;
        this.parameters = parameters;
        this.random = random;
    }

    /** The local moments of the column (plaintext: the party's own). Refuses more rows than the party's allowance or a value out of range. */
    public Moments moments(double[] column) {
        if (column.length > parameters.maxRowsPerParty()) {
            throw new IllegalArgumentException(name + " has " + column.length + " rows, more than its allowance of "
                    + parameters.maxRowsPerParty() + " (" + parameters.maxTotalRows() + " in all for " + parameters.parties()
                    + " parties at |x| < 2^" + parameters.valueBits() + ", " + parameters.scaleBits() + " scale bits): the totals could overflow");
        }
        Moments moments = Moments.ZERO;
        for (int row = 0; row < column.length; row++) {
            try {
                moments = moments.withRow(parameters.encode(column[row]));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + ", row " + row + ": " + e.getMessage(), e);
            }
        }
        return moments;
    }

    /** One share per compute node, in node order; they add up to the column's moments. */
    public List<MomentShare> share(double[] column) {
        Moments rest = moments(column);
        List<MomentShare> shares = new ArrayList<>(parameters.computeNodes());
        for (int node = 0; node < parameters.computeNodes() - 1; node++) {
            Moments mask = Moments.random(random);
            shares.add(new MomentShare(name, node, mask));
            rest = rest.minus(mask);
        }
        shares.add(new MomentShare(name, parameters.computeNodes() - 1, rest));
        return shares;
    }
}
