package io.datatoken.privacy.secagg;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a client keeps between two steps of a round (decision 0018), for its own node only, and no more
 * than the next step needs: after advertising, its two private keys; after sharing, also the roster, its
 * self-mask seed and its own shares; after masking, only the committed set and the shares it holds of the
 * others (the seed and the mask key are forgotten by then). Fields a step does not need are null. Never
 * the client's input. {@link SecAggClient#restore} refuses it for any other run.
 */
public record SecAggClientState(String run, int user, SecAggConfig config, Step step, byte[] channelPrivateKey,
        byte[] maskPrivateKey, byte[] selfMaskSeed, List<KeyAdvertisement> roster, SortedSet<Integer> committed,
        Map<Integer, Share> heldMaskKeyShares, Map<Integer, Share> heldSelfMaskShares) {

    /** The last step the client took. */
    public enum Step { ADVERTISED, SHARED, MASKED }

    public SecAggClientState {
        if (run == null || run.isBlank()) {
            throw new IllegalArgumentException("a client's state names its run");
        }
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(step, "step");
        boolean shared = step != Step.ADVERTISED;
        boolean masked = step == Step.MASKED;
        require(channelPrivateKey, !masked, "channelPrivateKey", step);
        require(maskPrivateKey, !masked, "maskPrivateKey", step);
        require(selfMaskSeed, step == Step.SHARED, "selfMaskSeed", step);
        require(roster, step == Step.SHARED, "roster", step);
        require(committed, masked, "committed", step);
        require(heldMaskKeyShares, shared, "heldMaskKeyShares", step);
        require(heldSelfMaskShares, shared, "heldSelfMaskShares", step);
        channelPrivateKey = channelPrivateKey == null ? null : channelPrivateKey.clone();
        maskPrivateKey = maskPrivateKey == null ? null : maskPrivateKey.clone();
        selfMaskSeed = selfMaskSeed == null ? null : selfMaskSeed.clone();
        roster = roster == null ? null : List.copyOf(roster);
        committed = committed == null ? null : new TreeSet<>(committed);
        heldMaskKeyShares = heldMaskKeyShares == null ? null : Map.copyOf(heldMaskKeyShares);
        heldSelfMaskShares = heldSelfMaskShares == null ? null : Map.copyOf(heldSelfMaskShares);
    }

    private static void require(Object field, boolean needed, String name, Step step) {
        if ((field != null) != needed) {
            throw new IllegalArgumentException("a client's state after " + step + (needed ? " has " : " has no ") + name);
        }
    }

    @Override
    public byte[] channelPrivateKey() {
        return channelPrivateKey == null ? null : channelPrivateKey.clone();
    }

    @Override
    public byte[] maskPrivateKey() {
        return maskPrivateKey == null ? null : maskPrivateKey.clone();
    }

    @Override
    public byte[] selfMaskSeed() {
        return selfMaskSeed == null ? null : selfMaskSeed.clone();
    }

    @Override
    public String toString() {
        return "SecAggClientState[run " + run + ", user " + user + ", after " + step + ", secret]";
    }
}
