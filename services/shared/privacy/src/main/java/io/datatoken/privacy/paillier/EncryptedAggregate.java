package io.datatoken.privacy.paillier;

import java.math.BigInteger;
import java.util.List;

/** Message from the compute node to the key holder: the encrypted sum of all values, their count, and whose they are. */
public record EncryptedAggregate(String keyId, BigInteger sum, long count, List<String> owners) {

    public EncryptedAggregate {
        if (keyId == null || sum == null || count < 0) {
            throw new IllegalArgumentException("an aggregate names its key and has an encrypted sum and a count >= 0");
        }
        owners = List.copyOf(owners);
    }
}
