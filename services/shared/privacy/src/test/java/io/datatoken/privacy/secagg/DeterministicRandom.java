package io.datatoken.privacy.secagg;

import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.engines.ChaCha7539Engine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.bouncycastle.util.Pack;

/** A ChaCha20 keystream keyed by a test's seed: cryptographic quality, same bytes on every run. */
public final class DeterministicRandom extends SecureRandom {

    private final transient ChaCha7539Engine stream = new ChaCha7539Engine();

    public DeterministicRandom(long seed) {
        byte[] key = new byte[32];
        Pack.longToBigEndian(seed, key, 0);
        stream.init(true, new ParametersWithIV(new KeyParameter(key), new byte[12]));
    }

    @Override
    public synchronized void nextBytes(byte[] bytes) {
        Arrays.fill(bytes, (byte) 0);
        stream.processBytes(bytes, 0, bytes.length, bytes, 0);
    }

    @Override
    public void setSeed(long seed) {
        // SecureRandom's constructor calls this before the stream exists; the seed is fixed at construction.
    }

    @Override
    public byte[] generateSeed(int length) {
        byte[] seed = new byte[length];
        nextBytes(seed);
        return seed;
    }
}
