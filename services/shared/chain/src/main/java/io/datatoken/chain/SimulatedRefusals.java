package io.datatoken.chain;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.datatoken.domain.organization.LedgerRefusal;

/**
 * Refusals of the in-memory ledgers, worded as {@link ContractCalls} words a contract's revert:
 * the reason is the custom error's name, the message uses the adapter's description of it.
 */
final class SimulatedRefusals {

    private final Map<String, String> descriptions;

    /** @param descriptions the web3j adapter's descriptions of its contract's custom errors */
    SimulatedRefusals(Map<String, String> descriptions) {
        this.descriptions = descriptions;
    }

    /** The refusal of {@code action} by the custom error {@code error} with these arguments. */
    LedgerRefusal refuse(String action, String error, Object... arguments) {
        String template = descriptions.get(error);
        if (template == null) {
            throw new IllegalArgumentException("the contract has no custom error " + error);
        }
        List<String> rendered = Arrays.stream(arguments).map(String::valueOf).toList();
        return new LedgerRefusal(error, "The ledger refused to " + action + ": "
                + String.format(template, rendered.toArray()) + " [" + error + "(" + String.join(", ", rendered) + ")]");
    }
}
