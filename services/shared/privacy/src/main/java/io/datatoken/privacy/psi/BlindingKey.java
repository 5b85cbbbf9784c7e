package io.datatoken.privacy.psi;

import java.security.SecureRandom;
import org.bouncycastle.math.ec.rfc7748.X25519;

/**
 * A party's secret exponent: an X25519 scalar, clamped by the ladder on every use (a multiple of the
 * cofactor 8 with bit 254 set). Clamped scalars commute on u-coordinates, [a][b]P = [b][a]P, which is
 * all ECDH-PSI needs. Fresh for every run: reusing it across runs would let the other party link them.
 */
final class BlindingKey {

    static final int SIZE = X25519.SCALAR_SIZE;

    private final byte[] scalar;

    private BlindingKey(byte[] scalar) {
        this.scalar = scalar;
    }

    static BlindingKey random(SecureRandom random) {
        byte[] scalar = new byte[X25519.SCALAR_SIZE];
        X25519.generatePrivateKey(random, scalar);
        return new BlindingKey(scalar);
    }

    /** A key kept between two steps of one run (the scalar as {@link #scalar()} gave it). */
    static BlindingKey of(byte[] scalar) {
        if (scalar.length != SIZE) {
            throw new IllegalArgumentException("a blinding scalar is " + SIZE + " bytes");
        }
        return new BlindingKey(scalar.clone());
    }

    /** The secret itself (a copy): only for the party's own state between two steps. */
    byte[] scalar() {
        return scalar.clone();
    }

    /** out[outOff..+32) = [this] u, u read from in[inOff..+32). */
    void blind(byte[] in, int inOff, byte[] out, int outOff) {
        X25519.scalarMult(scalar, 0, in, inOff, out, outOff);
    }

    byte[] blind(byte[] u) {
        byte[] out = new byte[BlindedPoints.POINT_SIZE];
        blind(u, 0, out, 0);
        return out;
    }

    @Override
    public String toString() {
        return "BlindingKey[secret]";
    }
}
