package io.datatoken.privacy.secagg;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Round 1, server to one client: the users who shared their seeds (U2, whose pairwise masks every member
 * must add) and the sealed shares addressed to this client.
 */
public record ShareDelivery(int to, SortedSet<Integer> committed, List<SealedShares> shares) {

    public ShareDelivery {
        committed = new TreeSet<>(committed);
        shares = List.copyOf(shares);
    }
}
