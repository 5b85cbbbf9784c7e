package io.datatoken.privacy.secagg;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.bouncycastle.util.Pack;

/**
 * The keys two users share without talking: X25519 agreement, then HKDF-SHA256 bound to the purpose,
 * the round and the unordered pair, so that both ends (and the server, once it reconstructs a dropped
 * user's private key) derive the same 32 bytes.
 */
final class PairwiseKeys {

    enum Purpose {
        /** The seed of the pairwise mask between two users. */
        MASK,
        /** The key that encrypts the Shamir shares one user sends to another through the server. */
        CHANNEL;

        private byte[] label() {
            return ("datatoken/secagg/v1/" + name().toLowerCase()).getBytes(StandardCharsets.US_ASCII);
        }
    }

    private PairwiseKeys() {
    }

    static byte[] derive(Purpose purpose, byte[] ownPrivateKey, byte[] peerPublicKey, long round, int user, int peer) {
        byte[] shared = new byte[X25519.POINT_SIZE];
        if (!X25519.calculateAgreement(ownPrivateKey, 0, peerPublicKey, 0, shared, 0)) {
            throw new IllegalArgumentException("X25519 agreement with user " + peer + " gave the all-zero point");
        }
        byte[] label = purpose.label();
        byte[] info = new byte[label.length + 16];
        System.arraycopy(label, 0, info, 0, label.length);
        Pack.longToBigEndian(round, info, label.length);
        Pack.intToBigEndian(Math.min(user, peer), info, label.length + 8);
        Pack.intToBigEndian(Math.max(user, peer), info, label.length + 12);
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(shared, null, info));
        byte[] key = new byte[MaskPrg.SEED_BYTES];
        hkdf.generateBytes(key, 0, key.length);
        return key;
    }
}
