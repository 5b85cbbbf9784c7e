package io.datatoken.privacy.stats;

import java.util.List;
import java.util.OptionalDouble;

/**
 * What the result recipient learns: the column's statistics over all parties' rows (and which
 * parties took part). The mean needs a row, the sample variance (divisor N - 1) two.
 */
public record JointStatistics(List<String> parties, long count, double sum, OptionalDouble mean, OptionalDouble populationVariance,
        OptionalDouble sampleVariance) {

    public JointStatistics {
        parties = List.copyOf(parties);
    }
}
