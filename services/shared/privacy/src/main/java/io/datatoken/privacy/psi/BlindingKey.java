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
        return new BlindingKey(checkedScalar(scalar));
    }

    /** The secret itself (a copy): only for the party's own state between two steps. */
    byte[] scalar() {
        return scalar.clone();
    }

    /** Blinding by this key with the engine's multiplication, for one thread; close it when done. */
    X25519Engine.Multiplier multiplier(X25519Engine engine) {
        return engine.multiplier(scalar);
    }

    /** A copy of a 32-byte scalar, refused at any other length. */
    static byte[] checkedScalar(byte[] scalar) {
        if (scalar.length != SIZE) {
            throw new IllegalArgumentException("a blinding scalar is " + SIZE + " bytes");
        }
        return scalar.clone();
    }

    @Override
    public String toString() {
        return "BlindingKey[secret]";
    }
}
