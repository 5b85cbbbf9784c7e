package io.datatoken.privacy.secagg;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The aggregator of one round (the vendor's node): routes sealed shares, sums masked inputs and removes
 * the masks with the shares the survivors return. Each {@code close…} ends a phase: whoever has not sent
 * by then has dropped out. It sees only masked inputs, sealed shares and, per user, either the self-mask
 * seed (survivors) or the mask private key (dropped users), never both.
 */
public final class SecAggServer {

    private enum Phase { ADVERTISING, SHARING, MASKING, UNMASKING, DONE }

    private final SecAggConfig config;
    private final Map<Integer, KeyAdvertisement> advertised = new TreeMap<>();
    private final Map<Integer, List<SealedShares>> sharesBySender = new TreeMap<>();
    private final Map<Integer, long[]> maskedInputs = new TreeMap<>();
    private final Map<Integer, UnmaskResponse> responses = new TreeMap<>();
    private Phase phase = Phase.ADVERTISING;
    private Roster roster;
    private SortedSet<Integer> committed;
    private SortedSet<Integer> survivors;
    private long[] maskedSum;

    public SecAggServer(SecAggConfig config) {
        this.config = config;
    }

    /**
     * The server of {@code run} at the start of a phase, from the state {@link #exportState} gave then.
     * Refuses the state of another run.
     */
    public static SecAggServer restore(SecAggServerState state, String run) {
        if (!state.run().equals(run)) {
            throw new IllegalArgumentException("the state belongs to run " + state.run() + ", not " + run);
        }
        var server = new SecAggServer(state.config());
        server.phase = Phase.valueOf(state.phase().name());
        server.roster = state.roster() == null ? null : new Roster(state.roster());
        server.committed = state.committed();
        server.survivors = state.survivors();
        server.maskedSum = state.maskedSum();
        return server;
    }

    /**
     * What this server must keep to go on with {@code run} (decision 0018), taken as a phase begins (after
     * a {@code close…}, before the phase's first message): a step of the op receives all of a phase's
     * messages and closes it at once.
     */
    public SecAggServerState exportState(String run) {
        boolean inboxEmpty = switch (phase) {
            case ADVERTISING -> advertised.isEmpty();
            case SHARING -> sharesBySender.isEmpty();
            case MASKING -> maskedInputs.isEmpty();
            case UNMASKING -> responses.isEmpty();
            case DONE -> throw new IllegalStateException("the round is over: nothing to keep");
        };
        if (!inboxEmpty) {
            throw new IllegalStateException("the server's state is taken as a phase begins, not during " + phase);
        }
        return new SecAggServerState(run, config, SecAggServerState.Phase.valueOf(phase.name()),
                roster == null ? null : roster.users(), committed, survivors, maskedSum);
    }

    public void receive(KeyAdvertisement keys) {
        expect(Phase.ADVERTISING);
        if (advertised.putIfAbsent(keys.user(), keys) != null) {
            throw new IllegalArgumentException("user " + keys.user() + " advertised twice");
        }
    }

    /** Ends round 0: the roster U1 goes to every user on it. */
    public Roster closeAdvertising() {
        expect(Phase.ADVERTISING);
        requireAtLeastThreshold(advertised.size(), "advertised keys");
        if (advertised.size() > SeedSharing.MAX_HOLDERS) {
            throw new IllegalStateException("a round takes at most " + SeedSharing.MAX_HOLDERS + " users");
        }
        roster = new Roster(List.copyOf(advertised.values()));
        phase = Phase.SHARING;
        return roster;
    }

    public void receive(int from, List<SealedShares> shares) {
        expect(Phase.SHARING);
        roster.keysOf(from);
        var recipients = new TreeSet<Integer>();
        for (SealedShares sealed : shares) {
            if (sealed.from() != from || sealed.to() == from || !roster.contains(sealed.to()) || !recipients.add(sealed.to())) {
                throw new IllegalArgumentException("bad sealed shares from " + from + " to " + sealed.to());
            }
        }
        if (recipients.size() != roster.size() - 1) {
            throw new IllegalArgumentException("user " + from + " shared with " + recipients.size() + " of " + (roster.size() - 1) + " peers");
        }
        sharesBySender.put(from, List.copyOf(shares));
    }

    /** Ends round 1: U2 is whoever shared; each member gets the shares addressed to it by U2. */
    public Map<Integer, ShareDelivery> closeSharing() {
        expect(Phase.SHARING);
        requireAtLeastThreshold(sharesBySender.size(), "users who shared");
        committed = new TreeSet<>(sharesBySender.keySet());
        Map<Integer, List<SealedShares>> byRecipient = new TreeMap<>();
        committed.forEach(user -> byRecipient.put(user, new ArrayList<>()));
        sharesBySender.values().stream().flatMap(List::stream)
                .filter(sealed -> committed.contains(sealed.to()))
                .forEach(sealed -> byRecipient.get(sealed.to()).add(sealed));
        Map<Integer, ShareDelivery> deliveries = new TreeMap<>();
        byRecipient.forEach((user, shares) -> deliveries.put(user, new ShareDelivery(user, committed, shares)));
        phase = Phase.MASKING;
        return deliveries;
    }

    public void receive(MaskedInput input) {
        expect(Phase.MASKING);
        if (!committed.contains(input.user()) || input.masked().length != config.length()) {
            throw new IllegalArgumentException("unexpected masked input from user " + input.user());
        }
        if (maskedInputs.putIfAbsent(input.user(), input.masked()) != null) {
            throw new IllegalArgumentException("user " + input.user() + " sent two masked inputs");
        }
    }

    /** Ends round 2: U3 is whoever sent a masked input; the rest of U2 dropped out. */
    public UnmaskRequest closeMasking() {
        expect(Phase.MASKING);
        requireAtLeastThreshold(maskedInputs.size(), "masked inputs");
        survivors = new TreeSet<>(maskedInputs.keySet());
        maskedSum = new long[config.length()];
        for (long[] masked : maskedInputs.values()) {
            for (int i = 0; i < maskedSum.length; i++) {
                maskedSum[i] += masked[i];
            }
        }
        phase = Phase.UNMASKING;
        return new UnmaskRequest(survivors);
    }

    public void receive(UnmaskResponse response) {
        expect(Phase.UNMASKING);
        if (!survivors.contains(response.user()) || responses.putIfAbsent(response.user(), response) != null) {
            throw new IllegalArgumentException("unexpected unmasking response from user " + response.user());
        }
    }

    /** Ends round 3: needs t responses; removes the survivors' self masks and the dropped users' pairwise masks. */
    public AggregationResult aggregate() {
        expect(Phase.UNMASKING);
        requireAtLeastThreshold(responses.size(), "unmasking responses");
        long[] sum = maskedSum.clone();
        for (int survivor : survivors) {
            byte[] selfMaskSeed = SeedSharing.reconstruct(sharesOf(survivor, UnmaskResponse::selfMaskShares));
            MaskPrg.addMask(sum, selfMaskSeed, true);
        }
        for (int dropped : committed) {
            if (survivors.contains(dropped)) {
                continue;
            }
            byte[] maskPrivateKey = SeedSharing.reconstruct(sharesOf(dropped, UnmaskResponse::maskKeyShares));
            if (!Arrays.equals(X25519KeyPair.publicKeyOf(maskPrivateKey), roster.keysOf(dropped).maskPublicKey())) {
                throw new IllegalStateException("the shares of user " + dropped + "'s mask key do not match its public key");
            }
            for (int survivor : survivors) {
                byte[] seed = PairwiseKeys.derive(PairwiseKeys.Purpose.MASK, maskPrivateKey,
                        roster.keysOf(survivor).maskPublicKey(), config.round(), dropped, survivor);
                // The survivor added +PRG when the dropped user's id is higher, -PRG otherwise: undo that.
                MaskPrg.addMask(sum, seed, survivor < dropped);
            }
        }
        phase = Phase.DONE;
        return new AggregationResult(config.fixedPoint().decode(sum), sum, survivors);
    }

    /** Exactly t shares of one user's seed: any t of the responses give the same value. */
    private List<Share> sharesOf(int user, Function<UnmaskResponse, Map<Integer, Share>> kind) {
        List<Share> shares = responses.values().stream().map(kind).map(held -> held.get(user))
                .filter(Objects::nonNull).limit(config.threshold()).toList();
        if (shares.size() < config.threshold()) {
            throw new IllegalStateException("only " + shares.size() + " shares for user " + user + ", threshold " + config.threshold());
        }
        return shares;
    }

    private void requireAtLeastThreshold(int size, String what) {
        if (size < config.threshold()) {
            throw new IllegalStateException(size + " " + what + ", fewer than the threshold " + config.threshold() + ": the round is aborted");
        }
    }

    private void expect(Phase expected) {
        if (phase != expected) {
            throw new IllegalStateException("the server is at " + phase + ", not " + expected);
        }
    }
}
