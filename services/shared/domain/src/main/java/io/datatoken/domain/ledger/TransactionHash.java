package io.datatoken.domain.ledger;

/** The hash of a chain transaction that changed the ledger: where to look the change up. */
public record TransactionHash(String value) {

    public TransactionHash {
        value = Bytes32Hex.require(value, "transaction hash");
    }

    public static TransactionHash of(String value) {
        return new TransactionHash(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
