package io.datatoken.chain;

import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * How to reach the chain and sign for the platform's operator account.
 *
 * @param rpcUrl          JSON-RPC endpoint, e.g. {@code http://127.0.0.1:8545}
 * @param chainId         EIP-155 chain id; transactions are signed for it (anvil: 31337)
 * @param privateKey      hex private key of the signing account; a supplier, so a secret file
 *                        or vault is read only when needed and never kept in a string here
 * @param pollingInterval the longest pause between two requests for a receipt (they start at
 *                        5 ms and double up to it); web3j's 15 s default is far too slow for a
 *                        dev chain or a QBFT network with 1-2 s blocks
 * @param receiptTimeout  how long to wait for a receipt before giving up
 * @param gasLimit        gas limit of every transaction
 * @param gasPrice        fixed gas price in wei, or {@code null} to ask the node ({@code eth_gasPrice})
 */
public record ChainSettings(URI rpcUrl, long chainId, Supplier<String> privateKey,
                            Duration pollingInterval, Duration receiptTimeout,
                            BigInteger gasLimit, BigInteger gasPrice) {

    public static final Duration DEFAULT_POLLING_INTERVAL = Duration.ofMillis(100);
    public static final Duration DEFAULT_RECEIPT_TIMEOUT = Duration.ofSeconds(30);
    public static final BigInteger DEFAULT_GAS_LIMIT = BigInteger.valueOf(3_000_000);

    public ChainSettings {
        Objects.requireNonNull(rpcUrl, "rpcUrl");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(pollingInterval, "pollingInterval");
        Objects.requireNonNull(receiptTimeout, "receiptTimeout");
        Objects.requireNonNull(gasLimit, "gasLimit");
        if (chainId <= 0) {
            throw new IllegalArgumentException("chain id must be positive, was " + chainId);
        }
        if (pollingInterval.isNegative() || pollingInterval.isZero()) {
            throw new IllegalArgumentException("polling interval must be positive");
        }
        if (receiptTimeout.compareTo(pollingInterval) < 0) {
            throw new IllegalArgumentException("receipt timeout must not be shorter than the polling interval");
        }
        if (gasLimit.signum() <= 0 || (gasPrice != null && gasPrice.signum() < 0)) {
            throw new IllegalArgumentException("gas limit must be positive and gas price not negative");
        }
    }

    /** Settings with the defaults above: 100 ms polling, 30 s timeout, gas price from the node. */
    public static ChainSettings of(URI rpcUrl, long chainId, Supplier<String> privateKey) {
        return new ChainSettings(rpcUrl, chainId, privateKey, DEFAULT_POLLING_INTERVAL,
                DEFAULT_RECEIPT_TIMEOUT, DEFAULT_GAS_LIMIT, null);
    }

    public ChainSettings withPollingInterval(Duration interval) {
        return new ChainSettings(rpcUrl, chainId, privateKey, interval, receiptTimeout, gasLimit, gasPrice);
    }

    public ChainSettings withReceiptTimeout(Duration timeout) {
        return new ChainSettings(rpcUrl, chainId, privateKey, pollingInterval, timeout, gasLimit, gasPrice);
    }

    public ChainSettings withGas(BigInteger limit, BigInteger price) {
        return new ChainSettings(rpcUrl, chainId, privateKey, pollingInterval, receiptTimeout, limit, price);
    }

    public ChainSettings withPrivateKey(Supplier<String> key) {
        return new ChainSettings(rpcUrl, chainId, key, pollingInterval, receiptTimeout, gasLimit, gasPrice);
    }

    /** Never shows the key supplier, whatever its own toString does. */
    @Override
    public String toString() {
        return "ChainSettings[rpcUrl=" + rpcUrl + ", chainId=" + chainId + ", pollingInterval=" + pollingInterval
                + ", receiptTimeout=" + receiptTimeout + ", gasLimit=" + gasLimit
                + ", gasPrice=" + (gasPrice == null ? "from node" : gasPrice) + "]";
    }
}
