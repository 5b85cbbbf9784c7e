package io.datatoken.chain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;

import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.ContractGasProvider;
import org.web3j.tx.response.TransactionReceiptProcessor;

import io.datatoken.domain.organization.ChainAddress;

/**
 * One JSON-RPC client, one signing account and its transaction manager, shared by the
 * contract adapters. Opening it does not contact the node; {@link #verifyChainId()} does.
 * Close it to release the HTTP client.
 */
public final class ChainConnection implements AutoCloseable {

    private final ChainSettings settings;
    private final Web3j web3j;
    private final Credentials credentials;
    private final TransactionManager transactionManager;
    private final TransactionReceiptProcessor receipts;
    private final ContractGasProvider gasProvider;

    private ChainConnection(ChainSettings settings) {
        this.settings = settings;
        this.credentials = Credentials.create(settings.privateKey().get());
        this.web3j = Web3j.build(new HttpService(settings.rpcUrl().toString()));
        this.receipts = new BackoffReceiptProcessor(web3j, settings.pollingInterval(), settings.receiptTimeout());
        this.transactionManager = new RawTransactionManager(web3j, credentials, settings.chainId(), receipts);
        this.gasProvider = new SettingsGasProvider(web3j, settings);
    }

    public static ChainConnection open(ChainSettings settings) {
        return new ChainConnection(settings);
    }

    public ChainSettings settings() {
        return settings;
    }

    /** The account that signs this connection's transactions. */
    public ChainAddress account() {
        return ChainAddress.of(credentials.getAddress());
    }

    /**
     * Fails if the node serves another chain than the settings name: signing for the wrong chain
     * would be refused anyway, but with a far less helpful message.
     */
    public void verifyChainId() {
        BigInteger actual;
        try {
            actual = web3j.ethChainId().send().getChainId();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach chain at " + settings.rpcUrl(), e);
        }
        if (actual == null || actual.longValueExact() != settings.chainId()) {
            throw new IllegalStateException("node at " + settings.rpcUrl() + " serves chain " + actual
                    + ", settings expect " + settings.chainId());
        }
    }

    Web3j web3j() {
        return web3j;
    }

    TransactionManager transactionManager() {
        return transactionManager;
    }

    TransactionReceiptProcessor receipts() {
        return receipts;
    }

    ContractGasProvider gasProvider() {
        return gasProvider;
    }

    @Override
    public void close() {
        web3j.shutdown();
    }

    /** The configured gas limit; the configured price, or the node's current one. */
    private record SettingsGasProvider(Web3j web3j, ChainSettings settings) implements ContractGasProvider {

        @Override
        public BigInteger getGasPrice() {
            if (settings.gasPrice() != null) {
                return settings.gasPrice();
            }
            try {
                var response = web3j.ethGasPrice().send();
                if (response.hasError()) {
                    throw new IOException(response.getError().getMessage());
                }
                return response.getGasPrice();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the gas price from " + settings.rpcUrl(), e);
            }
        }

        @Override
        public BigInteger getGasLimit(Transaction transaction) {
            return settings.gasLimit();
        }

        @Override
        public BigInteger getGasLimit() {
            return settings.gasLimit();
        }
    }
}
