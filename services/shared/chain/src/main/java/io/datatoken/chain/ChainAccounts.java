package io.datatoken.chain;

import io.datatoken.domain.organization.ChainAddress;
import java.security.GeneralSecurityException;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.utils.Numeric;

/** Creates chain accounts (secp256k1 key pairs) without exposing web3j types. */
public final class ChainAccounts {

    private ChainAccounts() {
    }

    /** A new account: its address and its private key as 0x + 64 hex digits (a secret: encrypt it at rest). */
    public static NewAccount generate() {
        try {
            ECKeyPair pair = Keys.createEcKeyPair();
            String privateKey = Numeric.toHexStringWithPrefixZeroPadded(pair.getPrivateKey(), 64);
            return new NewAccount(ChainAddress.of(Credentials.create(pair).getAddress()), privateKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no secp256k1 key generator available", e);
        }
    }

    /** The address a private key signs for. */
    public static ChainAddress addressOf(String privateKey) {
        return ChainAddress.of(Credentials.create(privateKey).getAddress());
    }

    /** A freshly generated account. */
    public record NewAccount(ChainAddress address, String privateKey) {
        @Override
        public String toString() {
            return "NewAccount[" + address + "]";
        }
    }
}
