package io.datatoken.privacy.paillier;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A data owner: encrypts its values under the key holder's public key, each with fresh randomness,
 * and sends them to the compute node. It checks the agreed range before encrypting (the compute
 * node cannot: it sees only ciphertexts).
 */
public final class DataOwner {

    private final String name;
    private final PaillierPublicKey publicKey;
    private final FixedPoint fixedPoint;
    private final SecureRandom random;

    public DataOwner(String name, EncryptionKey key, SecureRandom random) {
        this.name = name;
        this.publicKey = key.publicKey();
        this.fixedPoint = key.fixedPoint();
        this.random = random;
    }

    /** One ciphertext per value, in order; refuses the whole batch if a value is out of range. */
    public EncryptedValues encrypt(Collection<BigDecimal> values) {
        List<BigInteger> plaintexts = values.stream().map(fixedPoint::encode).toList();
        List<BigInteger> ciphertexts = new ArrayList<>(plaintexts.size());
        for (BigInteger plaintext : plaintexts) {
            ciphertexts.add(publicKey.encrypt(plaintext, random).value());
        }
        return new EncryptedValues(publicKey.keyId(), name, ciphertexts);
    }
}
