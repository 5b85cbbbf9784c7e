package io.datatoken.privacy.secagg;

/** Pearson's chi-square statistics for the privacy tests. */
final class ChiSquare {

    /** The 0.999 quantile of chi-square with 255 degrees of freedom (256 bins, or a 2 x 256 table). */
    static final double CRITICAL_255_DF_P001 = 330.52;

    private ChiSquare() {
    }

    /** Goodness of fit of the counts to the uniform distribution over their bins. */
    static double uniformity(long[] counts) {
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        double expected = (double) total / counts.length;
        double statistic = 0;
        for (long count : counts) {
            statistic += (count - expected) * (count - expected) / expected;
        }
        return statistic;
    }

    /** Homogeneity of two histograms over the same bins: are both samples from one distribution? */
    static double homogeneity(long[] first, long[] second) {
        long firstTotal = 0;
        long secondTotal = 0;
        for (int i = 0; i < first.length; i++) {
            firstTotal += first[i];
            secondTotal += second[i];
        }
        double total = firstTotal + secondTotal;
        double statistic = 0;
        for (int i = 0; i < first.length; i++) {
            double column = first[i] + second[i];
            if (column == 0) {
                continue;
            }
            double expectedFirst = column * firstTotal / total;
            double expectedSecond = column * secondTotal / total;
            statistic += (first[i] - expectedFirst) * (first[i] - expectedFirst) / expectedFirst
                    + (second[i] - expectedSecond) * (second[i] - expectedSecond) / expectedSecond;
        }
        return statistic;
    }
}
