package io.datatoken.privacy.secagg;

import java.security.SecureRandom;
import org.bouncycastle.math.ec.rfc7748.X25519;

/** An X25519 key pair (RFC 7748), used once: for one round, one purpose. */
record X25519KeyPair(byte[] privateKey, byte[] publicKey) {

    static X25519KeyPair generate(SecureRandom random) {
        byte[] privateKey = new byte[X25519.SCALAR_SIZE];
        X25519.generatePrivateKey(random, privateKey);
        return new X25519KeyPair(privateKey, publicKeyOf(privateKey));
    }

    /** The pair of a private key kept between two steps. */
    static X25519KeyPair of(byte[] privateKey) {
        if (privateKey.length != X25519.SCALAR_SIZE) {
            throw new IllegalArgumentException("an X25519 private key is " + X25519.SCALAR_SIZE + " bytes");
        }
        return new X25519KeyPair(privateKey.clone(), publicKeyOf(privateKey));
    }

    static byte[] publicKeyOf(byte[] privateKey) {
        byte[] publicKey = new byte[X25519.POINT_SIZE];
        X25519.generatePublicKey(privateKey, 0, publicKey, 0);
        return publicKey;
    }
}
