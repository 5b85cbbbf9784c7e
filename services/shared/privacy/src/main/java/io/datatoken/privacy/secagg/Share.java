package io.datatoken.privacy.secagg;

/** One Shamir share of a 32-byte seed: the point's x-coordinate (1..255) and its y bytes over GF(2^8). */
public record Share(int x, byte[] y) {

    public Share {
        if (x < 1 || x > 255) {
            throw new IllegalArgumentException("a share's x-coordinate is in [1, 255]: " + x);
        }
        y = y.clone();
    }

    @Override
    public byte[] y() {
        return y.clone();
    }
}
