package io.datatoken.privacy.paillier;

import java.math.BigInteger;
import java.util.Objects;

/**
 * What the key holder keeps between announcing its key and decrypting the aggregate (decision 0018),
 * for its own node only: the run, the public announcement and the smaller prime factor of the modulus
 * (the private key follows from them). {@link KeyHolder#restore} refuses it for any other run.
 */
public record KeyHolderState(String run, EncryptionKey announcement, BigInteger prime) {

    public KeyHolderState {
        if (run == null || run.isBlank()) {
            throw new IllegalArgumentException("a key holder's state names its run");
        }
        Objects.requireNonNull(announcement, "announcement");
        Objects.requireNonNull(prime, "prime");
    }

    @Override
    public String toString() {
        return "KeyHolderState[run " + run + ", key " + announcement.keyId() + ", secret]";
    }
}
