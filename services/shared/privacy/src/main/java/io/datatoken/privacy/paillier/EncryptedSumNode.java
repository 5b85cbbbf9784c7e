package io.datatoken.privacy.paillier;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The third-party compute node: adds the data owners' ciphertexts homomorphically (their product
 * mod n^2) and counts them, holding only the public key. What it sees, {@link #view()}, is
 * ciphertexts and how many each owner sent; it refuses ciphertexts under another key, an owner's
 * second batch, and more values than the agreed range lets the sum hold.
 */
public final class EncryptedSumNode {

    private final PaillierPublicKey key;
    private final long capacity;
    private final List<EncryptedValues> received = new ArrayList<>();
    private final Set<String> owners = new LinkedHashSet<>();
    private Ciphertext sum;
    private long count;

    public EncryptedSumNode(EncryptionKey announcement) {
        this.key = announcement.publicKey();
        this.capacity = announcement.fixedPoint().capacity();
        this.sum = key.zero();
    }

    public void receive(EncryptedValues values) {
        if (!key.keyId().equals(values.keyId())) {
            throw new IllegalArgumentException(values.owner() + "'s values are under key " + values.keyId() + ", not " + key.keyId());
        }
        if (owners.contains(values.owner())) {
            throw new IllegalArgumentException(values.owner() + " has already sent its values");
        }
        if (values.ciphertexts().size() > capacity - count) {
            throw new IllegalArgumentException("adding " + values.ciphertexts().size() + " more values to " + count
                    + " would exceed the " + capacity + " whose sum is sure to fit the modulus");
        }
        Ciphertext total = sum;
        for (BigInteger value : values.ciphertexts()) {
            if (!key.isCiphertext(value)) {
                throw new IllegalArgumentException(values.owner() + " sent a value that is not a ciphertext under key " + key.keyId());
            }
            total = key.add(total, new Ciphertext(key, value));
        }
        sum = total;
        count += values.ciphertexts().size();
        owners.add(values.owner());
        received.add(values);
    }

    /** E(sum of all values received) and their count, for the key holder. */
    public EncryptedAggregate aggregate() {
        return new EncryptedAggregate(key.keyId(), sum.value(), count, List.copyOf(owners));
    }

    /** Everything this node has been sent, in order: ciphertexts only. */
    public List<EncryptedValues> view() {
        return List.copyOf(received);
    }
}
