package io.datatoken.domain.ledger;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One log of one of the platform's contracts, decoded: where it is on the chain (with its block's time in
 * unix seconds), the account that sent its transaction (lower case; events rarely name who acted),
 * which contract and event emitted it, and its fields in declaration order as text (hex for bytes,
 * addresses and bytes32, decimal for integers, the string itself for strings).
 */
public record LedgerEvent(long blockNumber, String blockHash, long blockTime, String txHash, String sender,
                          int logIndex, String contract, String event, Map<String, String> fields) {

    /** The contracts whose events the index follows, by their Solidity names. */
    public static final Set<String> CONTRACTS =
            Set.of("OrganizationRegistry", "OpRegistry", "DataTokenRegistry", "TaskMarket");

    public LedgerEvent {
        Objects.requireNonNull(blockHash, "blockHash");
        Objects.requireNonNull(txHash, "txHash");
        Objects.requireNonNull(sender, "sender");
        if (blockTime < 0) {
            throw new IllegalArgumentException("block time must not be negative: " + blockTime);
        }
        Objects.requireNonNull(event, "event");
        if (!CONTRACTS.contains(contract)) {
            throw new IllegalArgumentException("not a platform contract: " + contract);
        }
        if (logIndex < 0) {
            throw new IllegalArgumentException("log index must not be negative: " + logIndex);
        }
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
}
