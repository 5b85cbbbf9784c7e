package io.datatoken.privacy.paillier;

import java.math.BigInteger;

/**
 * Message from the key holder to the data owners and the compute node: the public modulus and the
 * fixed-point convention (scale bits, value range) every party encodes and checks with.
 */
public record EncryptionKey(BigInteger modulus, int scaleBits, int valueBits) {

    public EncryptionKey {
        new FixedPoint(new PaillierPublicKey(modulus).modulus(), scaleBits, valueBits); // refuses a bad modulus or range
    }

    public PaillierPublicKey publicKey() {
        return new PaillierPublicKey(modulus);
    }

    public FixedPoint fixedPoint() {
        return new FixedPoint(modulus, scaleBits, valueBits);
    }

    public String keyId() {
        return publicKey().keyId();
    }
}
