package io.datatoken.compute.runs;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a party's state between two steps of an op (decision 0018) with AES-256-GCM under a key
 * derived from the node's own key, bound to the run: a sealed state copied onto another run's row,
 * or altered in the database, does not open.
 */
public final class PartyStateSeal {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    private PartyStateSeal(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /** The seal of a node whose chain key is {@code nodeKey} (hex); the node key itself is never stored with a state. */
    public static PartyStateSeal derivedFrom(String nodeKey) {
        try {
            return new PartyStateSeal(MessageDigest.getInstance("SHA-256")
                    .digest(("datatoken/party-state/1\n" + nodeKey.strip()).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no SHA-256", e);
        }
    }

    public byte[] seal(OpRun.Key run, String state) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, run, nonce, state.getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
    }

    /** @throws RunFailed if the state was sealed for another run, by another key, or altered */
    public String open(OpRun.Key run, byte[] sealed) {
        if (sealed.length <= NONCE_BYTES) {
            throw new RunFailed("the party state kept for " + run + " is truncated");
        }
        ByteBuffer in = ByteBuffer.wrap(sealed);
        byte[] nonce = new byte[NONCE_BYTES];
        in.get(nonce);
        byte[] body = new byte[in.remaining()];
        in.get(body);
        return new String(crypt(Cipher.DECRYPT_MODE, run, nonce, body), StandardCharsets.UTF_8);
    }

    private byte[] crypt(int mode, OpRun.Key run, byte[] nonce, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(run.toString().getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new RunFailed("the party state kept for " + run + " does not open: sealed for another run or by "
                    + "another node key, or altered");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }
}
