package io.datatoken.privacy.psi;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.bouncycastle.math.ec.rfc7748.X25519;

/**
 * OpenSSL's X25519 (libcrypto 3, whose x86-64 and arm64 assembly is about twice as fast as Bouncy
 * Castle's Java), called through JNA's direct mapping: a multiplier holds the key, a derivation
 * context and a peer key; per point it sets the peer's u-coordinate (unvalidated: PSI checks received
 * points itself) and derives. Loaded once; {@link #available()} is empty when JNA or libcrypto 3 is missing
 * or when the library does not give RFC 7748's answer on a test vector.
 */
final class OpenSslX25519 implements X25519Engine {

    /** EVP_PKEY_X25519 = NID_X25519 (openssl/obj_mac.h), stable across OpenSSL releases. */
    private static final int EVP_PKEY_X25519 = 1034;
    private static final int SIZE = BlindedPoints.POINT_SIZE;

    private static final Optional<OpenSslX25519> AVAILABLE = load();

    private OpenSslX25519() {
    }

    static Optional<OpenSslX25519> available() {
        return AVAILABLE;
    }

    private static Optional<OpenSslX25519> load() {
        try {
            if (System.getProperty("jna.tmpdir") == null) {
                // JNA unpacks its stub under the user's home by default, which an op's user may not have
                // (Kubernetes runs it as a bare uid); the op's temporary directory is always writable
                System.setProperty("jna.tmpdir", System.getProperty("java.io.tmpdir"));
            }
            LibCrypto.ERR_clear_error(); // links the class: fails here if JNA or the library is missing
            OpenSslX25519 engine = new OpenSslX25519();
            return engine.answersRfc7748() ? Optional.of(engine) : Optional.empty();
        } catch (LinkageError | RuntimeException notHere) {
            return Optional.empty();
        }
    }

    /** RFC 7748 section 5.2, the first X25519 test vector. */
    private boolean answersRfc7748() {
        HexFormat hex = HexFormat.of();
        byte[] scalar = hex.parseHex("a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4");
        byte[] u = hex.parseHex("e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c");
        byte[] out = new byte[SIZE];
        try (Multiplier multiplier = multiplier(scalar)) {
            multiplier.multiply(u, 0, out, 0);
        }
        return Arrays.equals(out, hex.parseHex("c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552"));
    }

    @Override
    public String name() {
        return "openssl";
    }

    @Override
    public Multiplier multiplier(byte[] scalar) {
        return new OpenSslMultiplier(BlindingKey.checkedScalar(scalar));
    }

    @Override
    public String toString() {
        return name();
    }

    private static final class OpenSslMultiplier implements Multiplier {

        // one native buffer: the peer's u-coordinate, the derived secret, the secret's length (size_t)
        private static final long PEER = 0, SECRET = SIZE, LENGTH = 2L * SIZE;

        private final byte[] scalar;
        private final long key;
        private final long context;
        private final long peer;
        private final Memory buffer = new Memory(2L * SIZE + Long.BYTES);
        private final long address = Pointer.nativeValue(buffer);
        private boolean closed;

        OpenSslMultiplier(byte[] scalar) {
            this.scalar = scalar;
            this.key = LibCrypto.EVP_PKEY_new_raw_private_key(EVP_PKEY_X25519, 0, scalar, SIZE);
            this.context = key == 0 ? 0 : LibCrypto.EVP_PKEY_CTX_new(key, 0);
            // one peer key, its u-coordinate replaced per point: a new EVP_PKEY per point costs 10 %
            this.peer = LibCrypto.EVP_PKEY_new_raw_public_key(EVP_PKEY_X25519, 0, new byte[SIZE], SIZE);
            if (context == 0 || peer == 0 || LibCrypto.EVP_PKEY_derive_init(context) != 1) {
                free();
                throw new IllegalStateException("OpenSSL could not start an X25519 derivation");
            }
        }

        @Override
        public void multiply(byte[] in, int inOff, byte[] out, int outOff) {
            if (closed) {
                throw new IllegalStateException("multiplier closed");
            }
            buffer.write(PEER, in, inOff, SIZE);
            buffer.setLong(LENGTH, SIZE);
            if (LibCrypto.EVP_PKEY_set1_encoded_public_key(peer, address + PEER, SIZE) == 1
                    && LibCrypto.EVP_PKEY_derive_set_peer_ex(context, peer, 0) == 1
                    && LibCrypto.EVP_PKEY_derive(context, address + SECRET, address + LENGTH) == 1) {
                buffer.read(SECRET, out, outOff, SIZE);
                return;
            }
            // OpenSSL refuses a shared secret of all zeros (a point of small order), which the function
            // defines; Bouncy Castle computes it, and the answer to any other failure as well
            LibCrypto.ERR_clear_error();
            X25519.scalarMult(scalar, 0, in, inOff, out, outOff);
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                free();
            }
        }

        private void free() {
            LibCrypto.EVP_PKEY_CTX_free(context); // each free takes 0 (NULL) as nothing to free
            LibCrypto.EVP_PKEY_free(peer);
            LibCrypto.EVP_PKEY_free(key);
            buffer.close();
        }
    }

    /**
     * The few libcrypto 3 functions used, by JNA direct mapping. Pointers are passed as addresses
     * ({@code long}, as is size_t on LP64 Linux): no wrapper objects on the hot path.
     */
    private static final class LibCrypto {

        static {
            Native.register(LibCrypto.class, NativeLibrary.getInstance("libcrypto.so.3"));
        }

        static native long EVP_PKEY_new_raw_private_key(int type, long engine, byte[] key, long keyLength);

        static native long EVP_PKEY_new_raw_public_key(int type, long engine, byte[] key, long keyLength);

        static native int EVP_PKEY_set1_encoded_public_key(long key, long encoded, long length);

        static native long EVP_PKEY_CTX_new(long key, long engine);

        static native int EVP_PKEY_derive_init(long context);

        static native int EVP_PKEY_derive_set_peer_ex(long context, long peer, int validatePeer);

        static native int EVP_PKEY_derive(long context, long secret, long secretLength);

        static native void EVP_PKEY_CTX_free(long context);

        static native void EVP_PKEY_free(long key);

        static native void ERR_clear_error();
    }
}
