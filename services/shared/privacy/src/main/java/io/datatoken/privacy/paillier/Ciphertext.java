package io.datatoken.privacy.paillier;

import java.math.BigInteger;

/** A Paillier ciphertext: a unit of Z_(n^2) under {@code key}. Reveals nothing of its plaintext without the private key (DCR assumption). */
public record Ciphertext(PaillierPublicKey key, BigInteger value) {

    public Ciphertext {
        if (key == null || !key.isCiphertext(value)) {
            throw new IllegalArgumentException("a ciphertext is a unit of Z_(n^2) under its key (0 < c < n^2, gcd(c, n) = 1)");
        }
    }
}
