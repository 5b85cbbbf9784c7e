package io.datatoken.privacy.secagg;

import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What the server keeps between two steps of a round (decision 0018), taken when a phase begins: the
 * roster from sharing on, the committed set from masking on, and while unmasking the survivors and the
 * sum of their masked inputs (the inputs themselves are no longer needed). Fields a phase does not need
 * are null. {@link SecAggServer#restore} refuses it for any other run.
 */
public record SecAggServerState(String run, SecAggConfig config, Phase phase, List<KeyAdvertisement> roster,
        SortedSet<Integer> committed, SortedSet<Integer> survivors, long[] maskedSum) {

    /** The phase whose messages the server waits for. */
    public enum Phase { ADVERTISING, SHARING, MASKING, UNMASKING }

    public SecAggServerState {
        if (run == null || run.isBlank()) {
            throw new IllegalArgumentException("a server's state names its run");
        }
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(phase, "phase");
        int at = phase.ordinal();
        require(roster, at >= Phase.SHARING.ordinal(), "roster", phase);
        require(committed, at >= Phase.MASKING.ordinal(), "committed", phase);
        require(survivors, phase == Phase.UNMASKING, "survivors", phase);
        require(maskedSum, phase == Phase.UNMASKING, "maskedSum", phase);
        if (maskedSum != null && maskedSum.length != config.length()) {
            throw new IllegalArgumentException("the masked sum has " + maskedSum.length + " elements, not " + config.length());
        }
        roster = roster == null ? null : List.copyOf(roster);
        committed = committed == null ? null : new TreeSet<>(committed);
        survivors = survivors == null ? null : new TreeSet<>(survivors);
        maskedSum = maskedSum == null ? null : maskedSum.clone();
    }

    private static void require(Object field, boolean needed, String name, Phase phase) {
        if ((field != null) != needed) {
            throw new IllegalArgumentException("a server's state while " + phase + (needed ? " has " : " has no ") + name);
        }
    }

    @Override
    public long[] maskedSum() {
        return maskedSum == null ? null : maskedSum.clone();
    }
}
