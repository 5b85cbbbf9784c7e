package io.datatoken.privacy.paillier;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;

/**
 * A Paillier key pair. The primes p and q are Bouncy Castle's RSA key generator's: two random
 * primes of half the modulus' length each (probabilistic primality tests per FIPS 186-4), far apart,
 * with n of exactly the asked length. Equal lengths give gcd(pq, (p - 1)(q - 1)) = 1, which
 * Paillier needs (checked all the same).
 */
public record PaillierKeyPair(PaillierPublicKey publicKey, PaillierPrivateKey privateKey) {

    /** The modulus length by default, and the least {@link #generate(int, SecureRandom)} accepts: about 112 bits of security (NIST SP 800-57). */
    public static final int DEFAULT_MODULUS_BITS = 2048;

    /** Primality: at most 2^-128 chance of a composite (Bouncy Castle sets the Miller-Rabin rounds from it and the length). */
    private static final int CERTAINTY = 128;

    /** Bouncy Castle's RSA generator also keeps gcd(e, p - 1) = 1 for this e; the exponent is otherwise unused. */
    private static final BigInteger RSA_EXPONENT = BigInteger.valueOf(65537);

    public PaillierKeyPair {
        if (!privateKey.publicKey().equals(publicKey)) {
            throw new IllegalArgumentException("the private key belongs to another public key");
        }
    }

    /** A key pair with a 2048-bit modulus. */
    public static PaillierKeyPair generate(SecureRandom random) {
        return generate(DEFAULT_MODULUS_BITS, random);
    }

    /** A key pair with a modulus of {@code modulusBits} ≥ 2048 bits. */
    public static PaillierKeyPair generate(int modulusBits, SecureRandom random) {
        if (modulusBits < DEFAULT_MODULUS_BITS) {
            throw new IllegalArgumentException("a Paillier modulus of " + modulusBits + " bits is unsafe: use at least " + DEFAULT_MODULUS_BITS);
        }
        return generateAnySize(modulusBits, random);
    }

    /**
     * The key pair of a modulus and one of its prime factors, as a key holder kept them. Refuses a factor
     * that does not divide the modulus into two primes.
     */
    static PaillierKeyPair fromFactor(BigInteger modulus, BigInteger p) {
        var publicKey = new PaillierPublicKey(modulus);
        if (p.signum() <= 0 || p.equals(BigInteger.ONE) || !modulus.mod(p).equals(BigInteger.ZERO)) {
            throw new IllegalArgumentException("the kept prime does not divide the modulus");
        }
        BigInteger q = modulus.divide(p);
        if (!p.isProbablePrime(CERTAINTY) || !q.isProbablePrime(CERTAINTY)) {
            throw new IllegalArgumentException("the kept factors of the modulus are not prime");
        }
        return new PaillierKeyPair(publicKey, new PaillierPrivateKey(publicKey, p, q));
    }

    /** Any size from 256 bits: for tests only, where 2048-bit keys would cost too much time. */
    static PaillierKeyPair generateAnySize(int modulusBits, SecureRandom random) {
        if (modulusBits < PaillierPublicKey.MIN_MODULUS_BITS || modulusBits % 2 != 0) {
            throw new IllegalArgumentException("the modulus length is even and at least " + PaillierPublicKey.MIN_MODULUS_BITS + " bits");
        }
        var generator = new RSAKeyPairGenerator();
        generator.init(new RSAKeyGenerationParameters(RSA_EXPONENT, random, modulusBits, CERTAINTY));
        while (true) {
            var rsa = (RSAPrivateCrtKeyParameters) generator.generateKeyPair().getPrivate();
            BigInteger p = rsa.getP();
            BigInteger q = rsa.getQ();
            BigInteger n = p.multiply(q);
            if (n.gcd(p.subtract(BigInteger.ONE).multiply(q.subtract(BigInteger.ONE))).equals(BigInteger.ONE)) {
                var publicKey = new PaillierPublicKey(n);
                return new PaillierKeyPair(publicKey, new PaillierPrivateKey(publicKey, p, q));
            }
        }
    }
}
