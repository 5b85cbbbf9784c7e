package io.datatoken.privacy.secagg;

import java.util.SortedSet;
import java.util.TreeSet;

/** The server's output: the sum of the survivors' inputs (decoded and in the ring) and who they were. */
public record AggregationResult(double[] sum, long[] ringSum, SortedSet<Integer> contributors) {

    public AggregationResult {
        sum = sum.clone();
        ringSum = ringSum.clone();
        contributors = new TreeSet<>(contributors);
    }

    @Override
    public double[] sum() {
        return sum.clone();
    }

    @Override
    public long[] ringSum() {
        return ringSum.clone();
    }
}
