package io.datatoken.privacy.secagg;

import org.bouncycastle.crypto.engines.ChaCha7539Engine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.bouncycastle.util.Pack;

/**
 * Expands a 32-byte seed into a mask vector over Z_2^64 with ChaCha20 (RFC 7539 keystream, zero nonce:
 * every seed is fresh per round and pair, so a key never meets the same nonce twice with different use).
 */
final class MaskPrg {

    static final int SEED_BYTES = 32;

    private MaskPrg() {
    }

    /** {@code accumulator += sign * PRG(seed)}, element-wise in Z_2^64. */
    static void addMask(long[] accumulator, byte[] seed, boolean subtract) {
        long[] mask = expand(seed, accumulator.length);
        if (subtract) {
            for (int i = 0; i < mask.length; i++) {
                accumulator[i] -= mask[i];
            }
        } else {
            for (int i = 0; i < mask.length; i++) {
                accumulator[i] += mask[i];
            }
        }
    }

    static long[] expand(byte[] seed, int length) {
        if (seed.length != SEED_BYTES) {
            throw new IllegalArgumentException("a mask seed has " + SEED_BYTES + " bytes");
        }
        ChaCha7539Engine chacha = new ChaCha7539Engine();
        chacha.init(true, new ParametersWithIV(new KeyParameter(seed), new byte[12]));
        byte[] stream = new byte[length * Long.BYTES];
        chacha.processBytes(stream, 0, stream.length, stream, 0); // keystream XOR zeros
        long[] mask = new long[length];
        Pack.littleEndianToLong(stream, 0, mask);
        return mask;
    }
}
