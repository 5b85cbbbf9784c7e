package io.datatoken.chain;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.EthGetTransactionReceipt;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.exceptions.TransactionException;
import org.web3j.tx.response.TransactionReceiptProcessor;

/**
 * Waits for a receipt asking at once, then after 5 ms, doubling up to the polling interval: a dev
 * chain mines within milliseconds and a fixed 100 ms pause would dominate every write, while a
 * QBFT chain's seconds-long blocks are still polled at the configured interval.
 */
final class BackoffReceiptProcessor extends TransactionReceiptProcessor {

    static final long FIRST_PAUSE_MILLIS = 5;

    private final Web3j web3j;
    private final long longestPauseMillis;
    private final Duration timeout;

    BackoffReceiptProcessor(Web3j web3j, Duration longestPause, Duration timeout) {
        super(web3j);
        this.web3j = web3j;
        this.longestPauseMillis = Math.max(FIRST_PAUSE_MILLIS, longestPause.toMillis());
        this.timeout = timeout;
    }

    @Override
    public TransactionReceipt waitForTransactionReceipt(String transactionHash) throws IOException, TransactionException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = FIRST_PAUSE_MILLIS;
        while (true) {
            Optional<TransactionReceipt> receipt = receiptOf(transactionHash);
            if (receipt.isPresent()) {
                return receipt.get();
            }
            if (System.nanoTime() >= deadline) {
                throw new TransactionException("no receipt for " + transactionHash + " within " + timeout, transactionHash);
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransactionException("interrupted while waiting for the receipt of " + transactionHash,
                        transactionHash);
            }
            pause = Math.min(pause * 2, longestPauseMillis);
        }
    }

    private Optional<TransactionReceipt> receiptOf(String transactionHash) throws IOException, TransactionException {
        EthGetTransactionReceipt response = web3j.ethGetTransactionReceipt(transactionHash).send();
        if (response.hasError()) {
            throw new TransactionException("the node refused to answer for the receipt of " + transactionHash + ": "
                    + response.getError().getMessage());
        }
        return response.getTransactionReceipt();
    }
}
