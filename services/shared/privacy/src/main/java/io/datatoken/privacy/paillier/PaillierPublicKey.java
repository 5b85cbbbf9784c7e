package io.datatoken.privacy.paillier;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.bouncycastle.util.BigIntegers;

/**
 * A Paillier public key: the modulus n = pq, with the generator g = n + 1 (the usual choice, which
 * makes g^m = 1 + mn mod n^2). Plaintexts are the residues 0 ≤ m < n, ciphertexts the units of
 * Z_(n^2). Encryption is E(m; r) = g^m r^n mod n^2 with r uniform in Z_n^*, so the product of two
 * ciphertexts encrypts the sum of their plaintexts and the k-th power the plaintext times k.
 */
public final class PaillierPublicKey {

    /** The smallest modulus accepted at all (tests); {@link PaillierKeyPair} generates 2048 bits and more. */
    static final int MIN_MODULUS_BITS = 256;

    private final BigInteger n;
    private final BigInteger nSquared;
    private final String keyId;

    public PaillierPublicKey(BigInteger modulus) {
        if (modulus == null || modulus.signum() <= 0 || !modulus.testBit(0) || modulus.bitLength() < MIN_MODULUS_BITS) {
            throw new IllegalArgumentException("a Paillier modulus is an odd positive number of at least " + MIN_MODULUS_BITS + " bits");
        }
        this.n = modulus;
        this.nSquared = modulus.multiply(modulus);
        this.keyId = fingerprint(modulus);
    }

    public BigInteger modulus() {
        return n;
    }

    public BigInteger modulusSquared() {
        return nSquared;
    }

    public int bits() {
        return n.bitLength();
    }

    /** The first 16 bytes of SHA-256 over n (hex): names the key in messages, so that ciphertexts under different keys are never mixed. */
    public String keyId() {
        return keyId;
    }

    /** E(m; r) = g^m r^n mod n^2 with fresh r from {@code random}: encrypting the same m twice gives different ciphertexts. */
    public Ciphertext encrypt(BigInteger plaintext, SecureRandom random) {
        requirePlaintext(plaintext);
        // g^m = (1 + n)^m = 1 + mn (mod n^2): every further term of the binomial expansion is a multiple of n^2.
        BigInteger gm = BigInteger.ONE.add(plaintext.multiply(n)).mod(nSquared);
        return new Ciphertext(this, gm.multiply(randomUnit(random).modPow(n, nSquared)).mod(nSquared));
    }

    /** E(a) E(b) mod n^2 = E(a + b mod n). */
    public Ciphertext add(Ciphertext a, Ciphertext b) {
        requireOwn(a);
        requireOwn(b);
        return new Ciphertext(this, a.value().multiply(b.value()).mod(nSquared));
    }

    /**
     * E(a)^k mod n^2 = E(k a mod n), for any integer k (a negative k is taken mod n). k = 0 gives the
     * trivial ciphertext 1, which anyone reads as 0: multiply by a zero constant only on the key holder's side.
     */
    public Ciphertext multiply(Ciphertext a, BigInteger constant) {
        requireOwn(a);
        return new Ciphertext(this, a.value().modPow(constant.mod(n), nSquared));
    }

    /** The trivial encryption of 0 (r = 1): the neutral element of {@link #add}, not a secret. */
    public Ciphertext zero() {
        return new Ciphertext(this, BigInteger.ONE);
    }

    /** Whether c is a unit of Z_(n^2), i.e. a possible ciphertext under this key. */
    boolean isCiphertext(BigInteger c) {
        return c != null && c.signum() > 0 && c.compareTo(nSquared) < 0 && c.gcd(n).equals(BigInteger.ONE);
    }

    private void requirePlaintext(BigInteger m) {
        if (m == null || m.signum() < 0 || m.compareTo(n) >= 0) {
            throw new IllegalArgumentException("a plaintext is a residue 0 <= m < n; encode signed decimals with FixedPoint");
        }
    }

    private void requireOwn(Ciphertext c) {
        if (!equals(c.key())) {
            throw new IllegalArgumentException("the ciphertext is under key " + c.key().keyId() + ", not " + keyId);
        }
    }

    /** r uniform in Z_n^*: a draw from [1, n) is a unit but with probability about 2^(1 - bits/2). */
    private BigInteger randomUnit(SecureRandom random) {
        BigInteger r;
        do {
            r = BigIntegers.createRandomInRange(BigInteger.ONE, n.subtract(BigInteger.ONE), random);
        } while (!r.gcd(n).equals(BigInteger.ONE));
        return r;
    }

    private static String fingerprint(BigInteger modulus) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(BigIntegers.asUnsignedByteArray(modulus));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PaillierPublicKey key && n.equals(key.n);
    }

    @Override
    public int hashCode() {
        return n.hashCode();
    }

    @Override
    public String toString() {
        return "PaillierPublicKey[" + bits() + " bits, id " + keyId + "]";
    }
}
