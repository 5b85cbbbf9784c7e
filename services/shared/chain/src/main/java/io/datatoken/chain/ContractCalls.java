package io.datatoken.chain;

import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.web3j.abi.EventEncoder;
import org.web3j.abi.datatypes.Event;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.RemoteFunctionCall;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.exceptions.TransactionException;

import io.datatoken.domain.organization.LedgerRefusal;
import io.datatoken.domain.organization.LedgerUnavailable;

/**
 * How every adapter talks to one contract: each change is first dry-run with {@code eth_call},
 * so a refusal costs no gas and is named from the contract's custom error; a change that still
 * reverts on chain (a race with another writer) is named by dry-running it again. Dry-run and send
 * are serialized per connection (one signing account, one nonce sequence); receipts are awaited in
 * parallel.
 */
final class ContractCalls {

    private final ChainConnection connection;
    private final String contractName;
    private final String contractAddress;
    private final ContractErrors errors;
    private final Map<String, String> descriptions;

    /**
     * @param descriptions what each custom error means, a format string over its rendered
     *                     arguments, for the refusal message
     */
    ContractCalls(ChainConnection connection, String contractName, String contractAddress, ContractErrors errors,
                  Map<String, String> descriptions) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.contractName = contractName;
        this.contractAddress = contractAddress;
        this.errors = errors;
        this.descriptions = descriptions;
    }

    /**
     * Dry-runs, sends and waits for one change. Only the dry-run and the send hold the signer's
     * lock (they fix the nonce order); waiting for the receipt does not, so one signer can have
     * several changes in flight.
     */
    TransactionReceipt submit(String action, RemoteFunctionCall<TransactionReceipt> call) {
        String data = call.encodeFunctionCall();
        String txHash;
        synchronized (connection) {
            dryRun(action, data);
            EthSendTransaction sent;
            try {
                sent = connection.transactionManager().sendTransaction(connection.gasProvider().getGasPrice(),
                        connection.gasProvider().getGasLimit(), contractAddress, data, BigInteger.ZERO);
            } catch (Exception e) {
                throw unavailable(action, e);
            }
            if (sent.hasError()) {
                throw refusal(action, sent.getError().getData(), sent.getError().getMessage());
            }
            txHash = sent.getTransactionHash();
        }
        TransactionReceipt receipt;
        try {
            receipt = connection.receipts().waitForTransactionReceipt(txHash);
        } catch (IOException | TransactionException e) {
            throw unavailable(action, e);
        }
        if (!receipt.isStatusOK()) {
            // Another writer changed the state between dry-run and mining: the dry-run now names why.
            dryRun(action, data);
            throw new LedgerRefusal("Reverted", "The ledger refused to " + action + ": transaction " + txHash
                    + " reverted on chain");
        }
        return receipt;
    }

    private void dryRun(String action, String data) {
        EthCall dryRun;
        try {
            dryRun = connection.web3j().ethCall(Transaction.createEthCallTransaction(
                            connection.account().value(), contractAddress, data),
                    DefaultBlockParameterName.LATEST).send();
        } catch (Exception e) {
            throw unavailable(action, e);
        }
        if (dryRun.isReverted()) {
            throw refusal(action, dryRun.getRevertReasonEncodedData(), dryRun.getRevertReason());
        }
    }

    <T> T read(RemoteFunctionCall<T> call) {
        try {
            return call.send();
        } catch (Exception e) {
            throw unavailable("read the " + contractName, e);
        }
    }

    /**
     * Every log of the event the contract has emitted, oldest first: the contracts keep no list of
     * what they hold, their events are the list. One eth_getLogs over the whole chain, filtered by
     * the contract's address and the event's topic.
     */
    List<Log> logsOf(Event event) {
        EthFilter filter = new EthFilter(DefaultBlockParameterName.EARLIEST, DefaultBlockParameterName.LATEST,
                contractAddress).addSingleTopic(EventEncoder.encode(event));
        String action = "read the " + event.getName() + " events of the " + contractName;
        EthLog answer;
        try {
            answer = connection.web3j().ethGetLogs(filter).send();
        } catch (Exception e) {
            throw unavailable(action, e);
        }
        if (answer.hasError()) {
            throw new LedgerUnavailable("Could not " + action + " on the ledger at " + connection.settings().rpcUrl()
                    + ": " + answer.getError().getMessage(), null);
        }
        return answer.getLogs().stream().map(result -> (Log) result.get()).filter(log -> !log.isRemoved()).toList();
    }

    private RuntimeException refusal(String action, String revertData, String nodeMessage) {
        return errors.decode(revertData)
                .<RuntimeException>map(revert -> new LedgerRefusal(revert.name(),
                        "The ledger refused to " + action + ": " + describe(revert) + " [" + revert.signature() + "]"))
                .orElseGet(() -> ContractErrors.hexIn(revertData) != null
                        ? new LedgerRefusal("Reverted", "The ledger refused to " + action + ": " + nodeMessage)
                        : new LedgerUnavailable("The ledger did not " + action + ": " + nodeMessage, null));
    }

    private String describe(ContractErrors.Revert revert) {
        String template = descriptions.get(revert.name());
        return template == null ? revert.signature() : String.format(template, revert.arguments().toArray());
    }

    private LedgerUnavailable unavailable(String action, Exception cause) {
        return new LedgerUnavailable("Could not " + action + " on the ledger at " + connection.settings().rpcUrl()
                + ": " + cause.getMessage(), cause);
    }
}
