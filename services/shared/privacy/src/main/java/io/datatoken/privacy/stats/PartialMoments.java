package io.datatoken.privacy.stats;

import java.util.List;

/** Message from compute node {@code node} to the result recipient: the sum of the shares it got, and from which parties (sorted). */
public record PartialMoments(int node, List<String> parties, Moments sum) {

    public PartialMoments {
        if (node < 0 || sum == null) {
            throw new IllegalArgumentException("a partial sum names its node (>= 0) and holds a sum");
        }
        parties = List.copyOf(parties);
    }
}
