package io.datatoken.chain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts organizations' private keys at rest with AES-256-GCM under a key-encryption key (KEK)
 * that never touches the database. The organization alias is bound as associated data, so an
 * encrypted key copied to another organization's row does not decrypt.
 */
public final class KeyVault {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey kek;

    /** @param kek 32 bytes */
    public KeyVault(byte[] kek) {
        if (kek.length != 32) {
            throw new IllegalArgumentException("the key-encryption key must be 32 bytes (AES-256), got " + kek.length);
        }
        this.kek = new SecretKeySpec(kek, "AES");
    }

    public String seal(String organization, String privateKey) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, iv, organization, privateKey.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(iv) + "." + Base64.getEncoder().encodeToString(sealed);
    }

    public String open(String organization, String sealed) {
        String[] parts = sealed.split("\\.", 2);
        if (parts.length != 2) {
            throw new IllegalStateException("a sealed key has the form iv.ciphertext");
        }
        byte[] plain = crypt(Cipher.DECRYPT_MODE, Base64.getDecoder().decode(parts[0]), organization,
                Base64.getDecoder().decode(parts[1]));
        return new String(plain, StandardCharsets.UTF_8);
    }

    private byte[] crypt(int mode, byte[] iv, String organization, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, kek, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(organization.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the key of " + organization + " cannot be " 
                    + (mode == Cipher.ENCRYPT_MODE ? "sealed" : "opened (wrong key-encryption key or altered record)"), e);
        }
    }
}
