package io.datatoken.privacy.paillier;

import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * The requester of the aggregate: owns the key pair, announces the public key, and decrypts only
 * the aggregate the compute node returns (sum and count). It never sees a data owner's ciphertexts:
 * decrypting those would reveal single values, which is why it must not collude with the compute node.
 */
public final class KeyHolder {

    private final PaillierKeyPair keys;
    private final EncryptionKey announcement;
    private final FixedPoint fixedPoint;

    public KeyHolder(PaillierKeyPair keys, int scaleBits, int valueBits) {
        this.keys = keys;
        this.announcement = new EncryptionKey(keys.publicKey().modulus(), scaleBits, valueBits);
        this.fixedPoint = announcement.fixedPoint();
    }

    /** A key holder with a fresh 2048-bit key pair and the default fixed point (32 scale bits, |v| < 2^64). */
    public static KeyHolder generate(SecureRandom random) {
        return new KeyHolder(PaillierKeyPair.generate(random), FixedPoint.DEFAULT_SCALE_BITS, FixedPoint.DEFAULT_VALUE_BITS);
    }

    /**
     * The key holder of {@code run} between its two steps, from the state {@link #exportState} gave.
     * Refuses the state of another run: its key would decrypt another run's aggregate.
     */
    public static KeyHolder restore(KeyHolderState state, String run) {
        if (!state.run().equals(run)) {
            throw new IllegalArgumentException("the state belongs to run " + state.run() + ", not " + run);
        }
        EncryptionKey key = state.announcement();
        return new KeyHolder(PaillierKeyPair.fromFactor(key.modulus(), state.prime()), key.scaleBits(), key.valueBits());
    }

    /** What this key holder must keep, on its own node, to decrypt {@code run}'s aggregate (decision 0018). */
    public KeyHolderState exportState(String run) {
        return new KeyHolderState(run, announcement, keys.privateKey().smallerPrime());
    }

    /** Sent to the data owners and the compute node. */
    public EncryptionKey announcement() {
        return announcement;
    }

    /** Decrypts the aggregate's sum; refuses one under another key or with more values than the range allows (its sum could have wrapped). */
    public Aggregate result(EncryptedAggregate aggregate) {
        PaillierPublicKey key = keys.publicKey();
        if (!key.keyId().equals(aggregate.keyId())) {
            throw new IllegalArgumentException("the aggregate is under key " + aggregate.keyId() + ", not this key holder's " + key.keyId());
        }
        if (aggregate.count() > fixedPoint.capacity()) {
            throw new IllegalArgumentException("the aggregate adds " + aggregate.count() + " values, more than the " + fixedPoint.capacity()
                    + " whose sum is sure to fit the modulus");
        }
        BigInteger sum = keys.privateKey().decrypt(new Ciphertext(key, aggregate.sum()));
        return new Aggregate(fixedPoint.decode(sum), aggregate.count());
    }
}
