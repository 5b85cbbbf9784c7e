package io.datatoken.privacy.secagg;

/** Round 0, client to server: the user's two public keys for this round (shares channel, masks). */
public record KeyAdvertisement(int user, byte[] channelPublicKey, byte[] maskPublicKey) {

    public KeyAdvertisement {
        channelPublicKey = channelPublicKey.clone();
        maskPublicKey = maskPublicKey.clone();
    }

    @Override
    public byte[] channelPublicKey() {
        return channelPublicKey.clone();
    }

    @Override
    public byte[] maskPublicKey() {
        return maskPublicKey.clone();
    }
}
