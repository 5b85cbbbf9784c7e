package io.datatoken.privacy.secagg;

/**
 * Round 1, client to server to client: {@code from}'s shares of its mask private key and of its self-mask
 * seed for {@code to}, encrypted under their pairwise channel key; the server only routes it.
 */
public record SealedShares(int from, int to, byte[] ciphertext) {

    public SealedShares {
        ciphertext = ciphertext.clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }
}
