package io.datatoken.privacy.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * A compute node: adds the moment shares the parties send it (one per party) and passes the sum
 * to the result recipient. Each share, and so the sum, is uniformly random on its own: a node
 * learns nothing of any party's data as long as it does not collude with all other nodes.
 */
public final class StatsNode {

    private final int index;
    private final StatsParameters parameters;
    private final TreeMap<String, MomentShare> received = new TreeMap<>();
    private final List<MomentShare> view = new ArrayList<>();

    public StatsNode(int index, StatsParameters parameters) {
        if (index < 0 || index >= parameters.computeNodes()) {
            throw new IllegalArgumentException("node " + index + " is not one of the " + parameters.computeNodes() + " compute nodes");
        }
        this.index = index;
        this.parameters = parameters;
    }

    public void receive(MomentShare share) {
        if (share.node() != index) {
            throw new IllegalArgumentException(share.party() + "'s share is for node " + share.node() + ", not node " + index);
        }
        if (received.containsKey(share.party())) {
            throw new IllegalArgumentException(share.party() + " has already sent its share to node " + index);
        }
        if (received.size() == parameters.parties()) {
            throw new IllegalArgumentException("node " + index + " already has the shares of all " + parameters.parties() + " parties");
        }
        received.put(share.party(), share);
        view.add(share);
    }

    /** The sum of the shares received so far, for the result recipient. */
    public PartialMoments partial() {
        Moments sum = Moments.ZERO;
        for (MomentShare share : received.values()) {
            sum = sum.plus(share.share());
        }
        return new PartialMoments(index, List.copyOf(received.keySet()), sum);
    }

    /** Everything this node has been sent, in order: shares only. */
    public List<MomentShare> view() {
        return List.copyOf(view);
    }
}
