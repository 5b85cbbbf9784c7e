package io.datatoken.privacy.psi;

import java.util.Optional;

/**
 * The X25519 function of RFC 7748, the one primitive PSI spends nearly all of its time in: u-coordinate
 * in, scalar clamped, u-coordinate out. Two kept implementations compute the same function byte for
 * byte (the contract {@code X25519EngineContract}), so two parties may use different ones: Bouncy
 * Castle, pure Java and always there, and OpenSSL's libcrypto, native and about twice as fast, when the
 * machine has libcrypto 3 (decision 0022).
 */
public interface X25519Engine {

    /** A short name for logs and the benchmark, e.g. {@code openssl}. */
    String name();

    /**
     * Multiplication by one scalar (32 bytes, clamped on use), for one thread at a time: a native
     * implementation keeps its key state there. Close it to free that state.
     */
    Multiplier multiplier(byte[] scalar);

    interface Multiplier extends AutoCloseable {

        /**
         * out[outOff..+32) = X25519(scalar, in[inOff..+32)). A point of small order gives 32 zero bytes,
         * as in RFC 7748; callers that must refuse it check the input (see {@code SmallOrder}).
         */
        void multiply(byte[] in, int inOff, byte[] out, int outOff);

        @Override
        void close();
    }

    /** The fastest implementation this machine has: OpenSSL when its libcrypto 3 loads, else Bouncy Castle. */
    static X25519Engine fastest() {
        return OpenSslX25519.available().map(X25519Engine.class::cast).orElse(BouncyCastleX25519.INSTANCE);
    }

    static X25519Engine bouncyCastle() {
        return BouncyCastleX25519.INSTANCE;
    }

    /** OpenSSL's, when JNA and libcrypto 3 load here and answer RFC 7748's vector; empty otherwise. */
    static Optional<X25519Engine> openSsl() {
        return OpenSslX25519.available().map(X25519Engine.class::cast);
    }
}
