package io.datatoken.privacy.secagg;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

/**
 * One user in one aggregation round. The input is fixed at construction; the client answers the server's
 * messages in order and refuses anything out of order or inconsistent with what it saw before. It never
 * releases both a self-mask share and a mask-key share of the same user, which is what keeps a
 * semi-honest server from unmasking a single input.
 */
public final class SecAggClient {

    private enum Phase { NEW, ADVERTISED, SHARED, MASKED, DONE }

    private static final int SEALED_PLAINTEXT = 1 + 2 * MaskPrg.SEED_BYTES;

    private final int user;
    private final SecAggConfig config;
    private final long[] input; // null when given only at masking
    private final SecureRandom random;
    private final Map<Integer, Share> heldMaskKeyShares = new HashMap<>();
    private final Map<Integer, Share> heldSelfMaskShares = new HashMap<>();
    private final Map<Integer, byte[]> channelKeysByPeer = new HashMap<>(); // one X25519 agreement per peer, not two
    private Phase phase = Phase.NEW;
    private X25519KeyPair channelKeys;
    private X25519KeyPair maskKeys;
    private byte[] selfMaskSeed;
    private Roster roster;
    private SortedSet<Integer> committed;

    public SecAggClient(int user, SecAggConfig config, double[] input, SecureRandom random) {
        this.user = user;
        this.config = config;
        this.input = encode(config, input);
        this.random = random;
    }

    /**
     * A client whose input is given only when it masks ({@link #maskInput(ShareDelivery, double[])}): a
     * device that trains once the round's shares are out, so that its update is never kept between steps.
     */
    public SecAggClient(int user, SecAggConfig config, SecureRandom random) {
        this.user = user;
        this.config = config;
        this.input = null;
        this.random = random;
    }

    /**
     * The client of {@code run} between two steps, from the state {@link #exportState} gave. Refuses the
     * state of another run: its keys and shares belong to other users' masks.
     */
    public static SecAggClient restore(SecAggClientState state, String run, SecureRandom random) {
        if (!state.run().equals(run)) {
            throw new IllegalArgumentException("the state belongs to run " + state.run() + ", not " + run);
        }
        var client = new SecAggClient(state.user(), state.config(), random);
        client.phase = Phase.valueOf(state.step().name());
        if (state.step() != SecAggClientState.Step.MASKED) {
            client.channelKeys = X25519KeyPair.of(state.channelPrivateKey());
            client.maskKeys = X25519KeyPair.of(state.maskPrivateKey());
        }
        if (state.step() == SecAggClientState.Step.SHARED) {
            client.selfMaskSeed = state.selfMaskSeed();
            client.roster = new Roster(state.roster());
        }
        if (state.step() == SecAggClientState.Step.MASKED) {
            client.committed = state.committed();
        }
        if (state.step() != SecAggClientState.Step.ADVERTISED) {
            client.heldMaskKeyShares.putAll(state.heldMaskKeyShares());
            client.heldSelfMaskShares.putAll(state.heldSelfMaskShares());
        }
        return client;
    }

    /**
     * What this client must keep, on its own node, to take its next step in {@code run} (decision 0018):
     * only what that step needs, never the input.
     */
    public SecAggClientState exportState(String run) {
        return switch (phase) {
            case ADVERTISED -> new SecAggClientState(run, user, config, SecAggClientState.Step.ADVERTISED,
                    channelKeys.privateKey(), maskKeys.privateKey(), null, null, null, null, null);
            case SHARED -> new SecAggClientState(run, user, config, SecAggClientState.Step.SHARED, channelKeys.privateKey(),
                    maskKeys.privateKey(), selfMaskSeed, roster.users(), null, heldMaskKeyShares, heldSelfMaskShares);
            case MASKED -> new SecAggClientState(run, user, config, SecAggClientState.Step.MASKED, null, null, null, null,
                    committed, heldMaskKeyShares, heldSelfMaskShares);
            case NEW, DONE -> throw new IllegalStateException("user " + user + " has nothing to keep " + (phase == Phase.NEW
                    ? "before it advertises its keys" : "after it answered the unmasking"));
        };
    }

    public int user() {
        return user;
    }

    /** Round 0: fresh key pairs for this round only. */
    public KeyAdvertisement advertiseKeys() {
        expect(Phase.NEW);
        channelKeys = X25519KeyPair.generate(random);
        maskKeys = X25519KeyPair.generate(random);
        phase = Phase.ADVERTISED;
        return new KeyAdvertisement(user, channelKeys.publicKey(), maskKeys.publicKey());
    }

    /** Round 1: t-of-|U1| shares of the mask private key and of a fresh self-mask seed, one sealed box per peer. */
    public List<SealedShares> shareKeys(Roster roster) {
        expect(Phase.ADVERTISED);
        KeyAdvertisement own = roster.keysOf(user);
        if (!Arrays.equals(own.channelPublicKey(), channelKeys.publicKey())
                || !Arrays.equals(own.maskPublicKey(), maskKeys.publicKey())) {
            throw new IllegalArgumentException("the roster carries other keys for user " + user);
        }
        requireAtLeastThreshold(roster.size(), "roster");
        this.roster = roster;
        selfMaskSeed = new byte[MaskPrg.SEED_BYTES];
        random.nextBytes(selfMaskSeed);
        Share[] maskKeyShares = SeedSharing.split(maskKeys.privateKey(), config.threshold(), roster.size(), random);
        Share[] selfMaskShares = SeedSharing.split(selfMaskSeed, config.threshold(), roster.size(), random);
        List<SealedShares> sealed = new ArrayList<>(roster.size() - 1);
        for (KeyAdvertisement peer : roster.users()) {
            int index = roster.shareIndexOf(peer.user());
            Share maskKeyShare = maskKeyShares[index - 1];
            Share selfMaskShare = selfMaskShares[index - 1];
            if (peer.user() == user) {
                heldMaskKeyShares.put(user, maskKeyShare);
                heldSelfMaskShares.put(user, selfMaskShare);
                continue;
            }
            byte[] plaintext = new byte[SEALED_PLAINTEXT];
            plaintext[0] = (byte) index;
            System.arraycopy(maskKeyShare.y(), 0, plaintext, 1, MaskPrg.SEED_BYTES);
            System.arraycopy(selfMaskShare.y(), 0, plaintext, 1 + MaskPrg.SEED_BYTES, MaskPrg.SEED_BYTES);
            byte[] key = channelKey(peer);
            sealed.add(new SealedShares(user, peer.user(), ShareCipher.seal(key, config.round(), user, peer.user(), plaintext)));
        }
        phase = Phase.SHARED;
        return sealed;
    }

    /** Round 2: the input plus the self mask, plus or minus one pairwise mask per committed peer (plus when the peer's id is higher). */
    public MaskedInput maskInput(ShareDelivery delivery) {
        if (input == null) {
            throw new IllegalStateException("user " + user + " was given no input: mask with maskInput(delivery, input)");
        }
        return mask(delivery, input);
    }

    /** Round 2 for a client given its input only now (the input never enters its kept state). */
    public MaskedInput maskInput(ShareDelivery delivery, double[] input) {
        if (this.input != null) {
            throw new IllegalStateException("user " + user + " already has its input");
        }
        return mask(delivery, encode(config, input));
    }

    private MaskedInput mask(ShareDelivery delivery, long[] input) {
        expect(Phase.SHARED);
        if (delivery.to() != user || !delivery.committed().contains(user)) {
            throw new IllegalArgumentException("a delivery for user " + delivery.to() + " that leaves out user " + user);
        }
        requireAtLeastThreshold(delivery.committed().size(), "committed set");
        int ownIndex = roster.shareIndexOf(user);
        for (SealedShares sealed : delivery.shares()) {
            if (sealed.to() != user || !delivery.committed().contains(sealed.from()) || sealed.from() == user) {
                throw new IllegalArgumentException("unexpected shares from " + sealed.from() + " to " + sealed.to());
            }
            KeyAdvertisement sender = roster.keysOf(sealed.from());
            byte[] plaintext = ShareCipher.open(channelKey(sender), config.round(), sealed.from(), user, sealed.ciphertext());
            if (plaintext.length != SEALED_PLAINTEXT || (plaintext[0] & 0xff) != ownIndex) {
                throw new IllegalArgumentException("shares from user " + sealed.from() + " are not for index " + ownIndex);
            }
            heldMaskKeyShares.put(sealed.from(), new Share(ownIndex, Arrays.copyOfRange(plaintext, 1, 1 + MaskPrg.SEED_BYTES)));
            heldSelfMaskShares.put(sealed.from(), new Share(ownIndex, Arrays.copyOfRange(plaintext, 1 + MaskPrg.SEED_BYTES, plaintext.length)));
        }
        if (!heldMaskKeyShares.keySet().containsAll(delivery.committed())) {
            throw new IllegalArgumentException("missing shares of committed users");
        }
        committed = delivery.committed();
        long[] masked = input.clone();
        MaskPrg.addMask(masked, selfMaskSeed, false);
        for (int peer : committed) {
            if (peer == user) {
                continue;
            }
            byte[] seed = PairwiseKeys.derive(PairwiseKeys.Purpose.MASK, maskKeys.privateKey(),
                    roster.keysOf(peer).maskPublicKey(), config.round(), user, peer);
            MaskPrg.addMask(masked, seed, peer < user);
        }
        // From here on only the shares held by others may reveal these; forget them.
        Arrays.fill(selfMaskSeed, (byte) 0);
        Arrays.fill(maskKeys.privateKey(), (byte) 0);
        phase = Phase.MASKED;
        return new MaskedInput(user, masked);
    }

    /** Round 3: self-mask shares of the survivors, mask-key shares of the committed users who dropped. */
    public UnmaskResponse unmask(UnmaskRequest request) {
        expect(Phase.MASKED);
        SortedSet<Integer> survivors = request.survivors();
        if (!committed.containsAll(survivors) || !survivors.contains(user)) {
            throw new IllegalArgumentException("survivors " + survivors + " are not a subset of " + committed + " with " + user);
        }
        requireAtLeastThreshold(survivors.size(), "survivor set");
        Map<Integer, Share> selfMaskShares = new HashMap<>();
        Map<Integer, Share> maskKeyShares = new HashMap<>();
        for (int other : committed) {
            if (survivors.contains(other)) {
                selfMaskShares.put(other, heldSelfMaskShares.get(other));
            } else {
                maskKeyShares.put(other, heldMaskKeyShares.get(other));
            }
        }
        phase = Phase.DONE;
        return new UnmaskResponse(user, selfMaskShares, maskKeyShares);
    }

    private static long[] encode(SecAggConfig config, double[] input) {
        if (input.length != config.length()) {
            throw new IllegalArgumentException("input length " + input.length + " != " + config.length());
        }
        return config.fixedPoint().encode(input);
    }

    private byte[] channelKey(KeyAdvertisement peer) {
        return channelKeysByPeer.computeIfAbsent(peer.user(), id -> PairwiseKeys.derive(PairwiseKeys.Purpose.CHANNEL,
                channelKeys.privateKey(), peer.channelPublicKey(), config.round(), user, id));
    }

    private void requireAtLeastThreshold(int size, String what) {
        if (size < config.threshold()) {
            throw new IllegalArgumentException("the " + what + " has " + size + " users, fewer than the threshold " + config.threshold());
        }
    }

    private void expect(Phase expected) {
        if (phase != expected) {
            throw new IllegalStateException("user " + user + " is at " + phase + ", not " + expected);
        }
    }
}
