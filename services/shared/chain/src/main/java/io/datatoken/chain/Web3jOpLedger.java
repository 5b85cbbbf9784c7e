package io.datatoken.chain;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.web3j.protocol.core.RemoteFunctionCall;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

import io.datatoken.contracts.generated.OpRegistry;
import io.datatoken.domain.content.Cid;
import io.datatoken.domain.op.OpHash;
import io.datatoken.domain.op.OpLedger;
import io.datatoken.domain.op.TrustedOp;
import io.datatoken.domain.organization.ChainAddress;
import io.datatoken.domain.organization.LedgerUnavailable;

/**
 * The trusted-op ledger on the OpRegistry contract. Only the organization registry's admin may
 * change it. Changes are dry-run first and refusals named from the contract's custom errors
 * (see {@link ContractCalls}).
 */
public final class Web3jOpLedger implements OpLedger {

    private static final ContractErrors ERRORS = ContractErrors.of(OpRegistry.class);

    /** What each custom error of OpRegistry.sol means, for the refusal message. */
    static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry("ZeroAddress", "the zero address cannot be used"),
            Map.entry("NotAdmin", "account %s is not the ledger's administrator"),
            Map.entry("ZeroOpHash", "the op hash must not be zero"),
            Map.entry("EmptyField", "the op's %s must not be empty"),
            Map.entry("FieldTooLong", "the op's %s has %s bytes, at most %s are allowed"),
            Map.entry("OpExists", "op %s is already published"),
            Map.entry("VersionExists", "op %s version %s is already published"),
            Map.entry("UnknownOp", "op %s is not published"),
            Map.entry("AlreadyDeprecated", "op %s is already deprecated"));

    private final OpRegistry registry;
    private final ContractCalls calls;

    public Web3jOpLedger(ChainConnection connection, ChainAddress registryAddress) {
        Objects.requireNonNull(connection, "connection");
        this.registry = OpRegistry.load(registryAddress.value(), connection.web3j(),
                connection.transactionManager(), connection.gasProvider());
        this.calls = new ContractCalls(connection, "op registry", registry.getContractAddress(), ERRORS, DESCRIPTIONS);
    }

    /** Deploys a new, empty op registry governed by the organization registry's admin (dev chains and tests). */
    public static Web3jOpLedger deploy(ChainConnection connection, ChainAddress organizationRegistry) {
        try {
            OpRegistry deployed = OpRegistry.deploy(connection.web3j(), connection.transactionManager(),
                    connection.gasProvider(), organizationRegistry.value()).send();
            return new Web3jOpLedger(connection, ChainAddress.of(deployed.getContractAddress()));
        } catch (Exception e) {
            throw new LedgerUnavailable("could not deploy OpRegistry at " + connection.settings().rpcUrl()
                    + ": " + e.getMessage(), e);
        }
    }

    public ChainAddress registryAddress() {
        return ChainAddress.of(registry.getContractAddress());
    }

    /** The generated wrapper, for tests of what the port cannot express. */
    OpRegistry contract() {
        return registry;
    }

    @Override
    public void publish(OpHash opHash, String name, String version, Cid codeCid) {
        submit("publish op " + name + " " + version,
                registry.publish(LedgerValues.bytes32(opHash), name, version, codeCid.value()));
    }

    @Override
    public void deprecate(OpHash opHash) {
        submit("deprecate op " + opHash, registry.deprecate(LedgerValues.bytes32(opHash)));
    }

    @Override
    public Optional<TrustedOp> find(OpHash opHash) {
        OpRegistry.Op op = calls.read(registry.opOf(LedgerValues.bytes32(opHash)));
        if (op.publishedAt.signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(new TrustedOp(opHash, op.name, op.version,
                LedgerValues.parsed("code CID", op.codeCid, Cid::parse), op.deprecated,
                LedgerValues.instant(op.publishedAt)));
    }

    @Override
    public boolean isUsable(OpHash opHash) {
        return calls.read(registry.isUsable(LedgerValues.bytes32(opHash)));
    }

    @Override
    public Optional<TrustedOp> latestVersionOf(String name) {
        byte[] latest = calls.read(registry.latestVersionOf(name));
        if (new java.math.BigInteger(1, latest).signum() == 0) {
            return Optional.empty();
        }
        return find(OpHash.of(LedgerValues.hex(latest)));
    }

    /** The ops named by the OpPublished events, each read as it is now (deprecated or not). */
    @Override
    public List<TrustedOp> all() {
        return calls.logsOf(OpRegistry.OPPUBLISHED_EVENT).stream()
                .map(log -> OpHash.of(log.getTopics().get(1)))
                .distinct()
                .map(opHash -> find(opHash).orElseThrow(() -> new LedgerUnavailable(
                        "the op registry announced op " + opHash + " but does not hold it", null)))
                .toList();
    }

    /** Dry-runs, sends and waits for one change; package-private so tests can reach every revert. */
    TransactionReceipt submit(String action, RemoteFunctionCall<TransactionReceipt> call) {
        return calls.submit(action, call);
    }
}
