package io.datatoken.chain;

import io.datatoken.domain.market.ExecutionRequest;
import io.datatoken.domain.market.SignedExecutionRequest;
import io.datatoken.domain.organization.ChainAddress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.SignatureException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.crypto.StructuredDataEncoder;

/**
 * Execution requests as EIP-712 typed data, in the domain {@code DataToken}/{@code 1} of one chain
 * and one task market: a request signed for another chain or market recovers another signer.
 */
public final class Eip712ExecutionRequests {

    public static final String DOMAIN_NAME = "DataToken";
    public static final String DOMAIN_VERSION = "1";

    private final long chainId;
    private final ChainAddress taskMarket;

    public Eip712ExecutionRequests(long chainId, ChainAddress taskMarket) {
        this.chainId = chainId;
        this.taskMarket = Objects.requireNonNull(taskMarket, "taskMarket");
    }

    /** Signs as the account of {@code privateKey} (hex). */
    public SignedExecutionRequest sign(ExecutionRequest request, String privateKey) {
        Sign.SignatureData signature = Sign.signMessage(hash(request), Credentials.create(privateKey).getEcKeyPair(), false);
        byte[] rsv = new byte[65];
        System.arraycopy(signature.getR(), 0, rsv, 0, 32);
        System.arraycopy(signature.getS(), 0, rsv, 32, 32);
        rsv[64] = signature.getV()[0];
        return new SignedExecutionRequest(request, "0x" + HexFormat.of().formatHex(rsv));
    }

    /**
     * The account that signed the request (in this domain).
     *
     * @throws IllegalArgumentException if the signature is not a valid secp256k1 signature
     */
    public ChainAddress signerOf(SignedExecutionRequest signed) {
        byte[] rsv = HexFormat.of().parseHex(signed.signature().substring(2));
        byte v = rsv[64];
        if (v != 27 && v != 28) {
            throw new IllegalArgumentException("signature's v must be 27 or 28, was " + v);
        }
        var data = new Sign.SignatureData(v, Arrays.copyOfRange(rsv, 0, 32),
                Arrays.copyOfRange(rsv, 32, 64));
        try {
            BigInteger publicKey = Sign.signedMessageHashToKey(hash(signed.request()), data);
            return ChainAddress.of("0x" + Keys.getAddress(publicKey));
        } catch (SignatureException e) {
            throw new IllegalArgumentException("the signature does not recover a signer: " + e.getMessage(), e);
        }
    }

    /** The EIP-712 hash of the request in this domain. */
    byte[] hash(ExecutionRequest request) {
        try {
            return new StructuredDataEncoder(typedData(request)).hashStructuredData();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode an execution request as EIP-712 typed data", e);
        }
    }

    /** The request as EIP-712 typed data JSON (what a wallet would show). */
    String typedData(ExecutionRequest request) {
        return """
                {"types":{"EIP712Domain":[{"name":"name","type":"string"},{"name":"version","type":"string"},\
                {"name":"chainId","type":"uint256"},{"name":"verifyingContract","type":"address"}],\
                "ExecutionRequest":[{"name":"job","type":"bytes32"},{"name":"dt","type":"bytes32"},\
                {"name":"op","type":"bytes32"},{"name":"nonce","type":"bytes32"},{"name":"expiresAt","type":"uint64"}]},\
                "primaryType":"ExecutionRequest",\
                "domain":{"name":"%s","version":"%s","chainId":%d,"verifyingContract":"%s"},\
                "message":{"job":"%s","dt":"%s","op":"%s","nonce":"%s","expiresAt":%d}}"""
                .formatted(DOMAIN_NAME, DOMAIN_VERSION, chainId, taskMarket.value(), request.job().value(),
                        request.dt().value(), request.op().value(), request.nonce(), request.expiresAt().getEpochSecond());
    }
}
