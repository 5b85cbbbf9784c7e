package io.datatoken.privacy.secagg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.Collection;
import org.bouncycastle.crypto.threshold.ShamirSecretSplitter;
import org.bouncycastle.crypto.threshold.ShamirSplitSecret;
import org.bouncycastle.crypto.threshold.ShamirSplitSecretShare;

/**
 * Threshold sharing of mask seeds with Bouncy Castle's Shamir splitter (byte-wise over GF(2^8), AES
 * polynomial): any {@code threshold} shares give the seed back, fewer are uniformly distributed and say
 * nothing about it. The field caps a group at 255 share holders.
 */
public final class SeedSharing {

    public static final int MAX_HOLDERS = 255;

    private static final ShamirSecretSplitter.Algorithm FIELD = ShamirSecretSplitter.Algorithm.AES;

    private SeedSharing() {
    }

    /** Shares at x = 1..holders; the caller maps them to users. */
    public static Share[] split(byte[] seed, int threshold, int holders, SecureRandom random) {
        if (threshold < 1 || threshold > holders || holders > MAX_HOLDERS) {
            throw new IllegalArgumentException("need 1 <= threshold (" + threshold + ") <= holders (" + holders
                    + ") <= " + MAX_HOLDERS);
        }
        ShamirSplitSecret split = ShamirSecretSplitter.getInstance(FIELD, seed.length, random)
                .resplit(seed, threshold, holders);
        var bcShares = (ShamirSplitSecretShare[]) split.getSecretShares();
        Share[] shares = new Share[holders];
        try {
            for (int i = 0; i < holders; i++) {
                shares[i] = new Share(i + 1, bcShares[i].getEncoded());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return shares;
    }

    /**
     * Interpolates at zero through the given shares. With at least the threshold it is the seed; with
     * fewer it is some other value, which the caller cannot tell apart from the seed by itself.
     */
    public static byte[] reconstruct(Collection<Share> shares) {
        var bcShares = shares.stream().map(share -> new ShamirSplitSecretShare(share.y(), share.x()))
                .toArray(ShamirSplitSecretShare[]::new);
        try {
            return ShamirSplitSecret.getInstance(FIELD, bcShares).getSecret();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
