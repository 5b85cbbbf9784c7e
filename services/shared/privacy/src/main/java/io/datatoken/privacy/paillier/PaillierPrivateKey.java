package io.datatoken.privacy.paillier;

import java.math.BigInteger;
import org.bouncycastle.util.BigIntegers;

/**
 * A Paillier private key: λ = lcm(p - 1, q - 1) and μ = L(g^λ mod n^2)^(-1) mod n, where
 * L(x) = (x - 1) / n. D(c) = L(c^λ mod n^2) μ mod n. Its toString shows no secret.
 */
public final class PaillierPrivateKey {

    private final PaillierPublicKey publicKey;
    private final BigInteger p;
    private final BigInteger q;
    private final BigInteger lambda;
    private final BigInteger mu;

    PaillierPrivateKey(PaillierPublicKey publicKey, BigInteger p, BigInteger q) {
        BigInteger n = publicKey.modulus();
        if (!p.multiply(q).equals(n)) {
            throw new IllegalArgumentException("p q is not the public modulus");
        }
        BigInteger pMinus1 = p.subtract(BigInteger.ONE);
        BigInteger qMinus1 = q.subtract(BigInteger.ONE);
        if (!n.gcd(pMinus1.multiply(qMinus1)).equals(BigInteger.ONE)) {
            throw new IllegalArgumentException("Paillier needs gcd(pq, (p - 1)(q - 1)) = 1");
        }
        this.publicKey = publicKey;
        this.p = p;
        this.q = q;
        this.lambda = pMinus1.multiply(qMinus1).divide(pMinus1.gcd(qMinus1));
        BigInteger g = n.add(BigInteger.ONE);
        this.mu = BigIntegers.modOddInverse(n, l(g.modPow(lambda, publicKey.modulusSquared())));
    }

    public PaillierPublicKey publicKey() {
        return publicKey;
    }

    /** The plaintext 0 ≤ m < n of a ciphertext under this key's public key; one under another key is refused (its decryption would be garbage). */
    public BigInteger decrypt(Ciphertext ciphertext) {
        if (!publicKey.equals(ciphertext.key())) {
            throw new IllegalArgumentException("the ciphertext is under key " + ciphertext.key().keyId()
                    + "; this private key decrypts only under key " + publicKey.keyId());
        }
        return l(ciphertext.value().modPow(lambda, publicKey.modulusSquared())).multiply(mu).mod(publicKey.modulus());
    }

    /** The smaller prime: with the public modulus, all a key holder keeps between its two steps. */
    BigInteger smallerPrime() {
        return p.min(q);
    }

    private BigInteger l(BigInteger x) {
        return x.subtract(BigInteger.ONE).divide(publicKey.modulus());
    }

    @Override
    public String toString() {
        return "PaillierPrivateKey[for " + publicKey + "]";
    }
}
