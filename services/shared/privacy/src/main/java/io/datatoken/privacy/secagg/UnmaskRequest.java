package io.datatoken.privacy.secagg;

import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Round 3, server to clients: whose masked input arrived (U3). Every other committed user dropped out,
 * and its pairwise masks must be removed.
 */
public record UnmaskRequest(SortedSet<Integer> survivors) {

    public UnmaskRequest {
        survivors = new TreeSet<>(survivors);
    }
}
