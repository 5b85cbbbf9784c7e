package io.datatoken.privacy.paillier;

import java.math.BigInteger;
import java.util.List;

/** Message from a data owner to the compute node: one ciphertext (a unit of Z_(n^2)) per value, under key {@code keyId}. */
public record EncryptedValues(String keyId, String owner, List<BigInteger> ciphertexts) {

    public EncryptedValues {
        if (keyId == null || owner == null || owner.isBlank()) {
            throw new IllegalArgumentException("encrypted values name their key and their owner");
        }
        ciphertexts = List.copyOf(ciphertexts);
    }
}
