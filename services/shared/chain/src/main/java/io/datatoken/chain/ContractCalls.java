package io.datatoken.chain;

import java.util.Map;
import java.util.Objects;

import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.RemoteFunctionCall;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.exceptions.TransactionException;

import io.datatoken.domain.organization.LedgerRefusal;
import io.datatoken.domain.organization.LedgerUnavailable;

/**
 * How every adapter talks to one contract: each change is first dry-run with {@code eth_call},
 * so a refusal costs no gas and is named from the contract's custom error; a change that still
 * reverts on chain (a race with another writer) is named the same way from the failed receipt.
 * Changes are serialized per connection: they are signed by one account, and concurrent sends
 * would compete for its nonce.
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

    /** Dry-runs, sends and waits for one change. */
    TransactionReceipt submit(String action, RemoteFunctionCall<TransactionReceipt> call) {
        synchronized (connection) {
            String data = call.encodeFunctionCall();
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
            try {
                return call.send();
            } catch (TransactionException e) {
                if (e.getTransactionReceipt().isPresent()) {
                    throw refusal(action, e.getEncodedDataResponse().orElse(null), e.getMessage());
                }
                throw unavailable(action, e);
            } catch (Exception e) {
                throw unavailable(action, e);
            }
        }
    }

    <T> T read(RemoteFunctionCall<T> call) {
        try {
            return call.send();
        } catch (Exception e) {
            throw unavailable("read the " + contractName, e);
        }
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
