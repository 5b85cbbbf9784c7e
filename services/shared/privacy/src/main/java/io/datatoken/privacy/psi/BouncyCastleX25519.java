package io.datatoken.privacy.psi;

import org.bouncycastle.math.ec.rfc7748.X25519;

/** Bouncy Castle's X25519 ladder: pure Java, stateless. */
final class BouncyCastleX25519 implements X25519Engine {

    static final BouncyCastleX25519 INSTANCE = new BouncyCastleX25519();

    private BouncyCastleX25519() {
    }

    @Override
    public String name() {
        return "bouncy-castle";
    }

    @Override
    public Multiplier multiplier(byte[] scalar) {
        byte[] k = BlindingKey.checkedScalar(scalar);
        return new Multiplier() {
            @Override
            public void multiply(byte[] in, int inOff, byte[] out, int outOff) {
                X25519.scalarMult(k, 0, in, inOff, out, outOff);
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public String toString() {
        return name();
    }
}
