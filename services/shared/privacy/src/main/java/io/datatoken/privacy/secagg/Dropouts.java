package io.datatoken.privacy.secagg;

import java.util.Set;

/**
 * Which users go silent at which point of a simulated round: after advertising keys (never share), after
 * sharing (never send a masked input: their pairwise masks must be reconstructed), or after masking
 * (their input counts, but they do not help unmask).
 */
public record Dropouts(Set<Integer> beforeSharing, Set<Integer> beforeMasking, Set<Integer> beforeUnmasking) {

    public static final Dropouts NONE = new Dropouts(Set.of(), Set.of(), Set.of());

    public Dropouts {
        beforeSharing = Set.copyOf(beforeSharing);
        beforeMasking = Set.copyOf(beforeMasking);
        beforeUnmasking = Set.copyOf(beforeUnmasking);
    }

    boolean silentAt(int user, int step) {
        return beforeSharing.contains(user) && step >= 1
                || beforeMasking.contains(user) && step >= 2
                || beforeUnmasking.contains(user) && step >= 3;
    }
}
