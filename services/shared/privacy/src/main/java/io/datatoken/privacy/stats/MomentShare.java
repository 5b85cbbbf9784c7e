package io.datatoken.privacy.stats;

/** Message from a data party to compute node {@code node} (0-based): its share of the party's local moments. */
public record MomentShare(String party, int node, Moments share) {

    public MomentShare {
        if (party == null || party.isBlank() || node < 0 || share == null) {
            throw new IllegalArgumentException("a moment share names its party and its node (>= 0) and holds a share");
        }
    }
}
