package io.datatoken.privacy.psi;

class BouncyCastleX25519Test extends X25519EngineContract {

    @Override
    X25519Engine engine() {
        return X25519Engine.bouncyCastle();
    }
}
