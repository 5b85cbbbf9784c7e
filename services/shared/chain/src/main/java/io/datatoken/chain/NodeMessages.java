package io.datatoken.chain;

import io.datatoken.domain.organization.ChainAddress;
import java.math.BigInteger;
import java.security.SignatureException;
import java.util.Arrays;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/**
 * Signatures on what compute nodes send each other (shares, partial sums): an EIP-191 personal
 * signature over the message bytes with the node's chain key, so the receiver finds the sender's
 * organization on chain and trusts no transport or caller token.
 */
public final class NodeMessages {

    private NodeMessages() {
    }

    /** 0x + r ‖ s ‖ v (65 bytes) over {@code message}. */
    public static String sign(byte[] message, String privateKey) {
        Sign.SignatureData signature = Sign.signPrefixedMessage(message, Credentials.create(privateKey).getEcKeyPair());
        byte[] bytes = new byte[65];
        System.arraycopy(signature.getR(), 0, bytes, 0, 32);
        System.arraycopy(signature.getS(), 0, bytes, 32, 32);
        bytes[64] = signature.getV()[0];
        return Numeric.toHexString(bytes);
    }

    /** The address that signed {@code message}; {@link IllegalArgumentException} if the signature is malformed. */
    public static ChainAddress signerOf(byte[] message, String signature) {
        byte[] bytes;
        try {
            bytes = Numeric.hexStringToByteArray(signature);
        } catch (RuntimeException notHex) {
            throw new IllegalArgumentException("the signature is not hex", notHex);
        }
        if (bytes.length != 65) {
            throw new IllegalArgumentException("a signature has 65 bytes, this one " + bytes.length);
        }
        byte v = bytes[64] < 27 ? (byte) (bytes[64] + 27) : bytes[64];
        try {
            BigInteger key = Sign.signedPrefixedMessageToKey(message, new Sign.SignatureData(v,
                    Arrays.copyOfRange(bytes, 0, 32), Arrays.copyOfRange(bytes, 32, 64)));
            return ChainAddress.of("0x" + Keys.getAddress(key));
        } catch (SignatureException | RuntimeException unrecoverable) {
            throw new IllegalArgumentException("no signer can be recovered from the signature", unrecoverable);
        }
    }
}
