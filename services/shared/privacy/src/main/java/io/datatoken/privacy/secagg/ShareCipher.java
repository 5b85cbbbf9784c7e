package io.datatoken.privacy.secagg;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.modes.ChaCha20Poly1305;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.util.Pack;

/**
 * ChaCha20-Poly1305 for the shares users send each other through the server. The channel key is shared
 * by both directions of a pair, so the nonce carries the direction; the associated data binds the round.
 */
final class ShareCipher {

    private static final int TAG_BITS = 128;

    private ShareCipher() {
    }

    static byte[] seal(byte[] key, long round, int from, int to, byte[] plaintext) {
        ChaCha20Poly1305 aead = init(true, key, round, from, to);
        byte[] out = new byte[aead.getOutputSize(plaintext.length)];
        int written = aead.processBytes(plaintext, 0, plaintext.length, out, 0);
        try {
            aead.doFinal(out, written);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    static byte[] open(byte[] key, long round, int from, int to, byte[] ciphertext) {
        ChaCha20Poly1305 aead = init(false, key, round, from, to);
        byte[] out = new byte[aead.getOutputSize(ciphertext.length)];
        int written = aead.processBytes(ciphertext, 0, ciphertext.length, out, 0);
        try {
            aead.doFinal(out, written);
        } catch (InvalidCipherTextException e) {
            throw new IllegalArgumentException("shares from user " + from + " to " + to + " fail authentication", e);
        }
        return out;
    }

    private static ChaCha20Poly1305 init(boolean encrypt, byte[] key, long round, int from, int to) {
        byte[] nonce = new byte[12];
        Pack.intToBigEndian(from, nonce, 0);
        Pack.intToBigEndian(to, nonce, 4);
        byte[] associated = new byte[16];
        Pack.longToBigEndian(round, associated, 0);
        Pack.intToBigEndian(from, associated, 8);
        Pack.intToBigEndian(to, associated, 12);
        ChaCha20Poly1305 aead = new ChaCha20Poly1305();
        aead.init(encrypt, new AEADParameters(new KeyParameter(key), TAG_BITS, nonce, associated));
        return aead;
    }
}
