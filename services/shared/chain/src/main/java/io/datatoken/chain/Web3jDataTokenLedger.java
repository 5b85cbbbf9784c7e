package io.datatoken.chain;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.web3j.protocol.core.RemoteFunctionCall;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

import io.datatoken.contracts.generated.DataTokenRegistry;
import io.datatoken.domain.asset.AssetKind;
import io.datatoken.domain.asset.Proof;
import io.datatoken.domain.content.Cid;
import io.datatoken.domain.ledger.TransactionHash;
import io.datatoken.domain.organization.ChainAddress;
import io.datatoken.domain.organization.LedgerUnavailable;
import io.datatoken.domain.token.DataToken;
import io.datatoken.domain.token.DataTokenId;
import io.datatoken.domain.token.DataTokenLedger;
import io.datatoken.domain.token.Grant;

/**
 * The Data Token ledger on the DataTokenRegistry contract, acting as the connection's account
 * (for that account's organization). Changes are dry-run first and refusals named from the
 * contract's custom errors (see {@link ContractCalls}).
 */
public final class Web3jDataTokenLedger implements DataTokenLedger {

    private static final ContractErrors ERRORS = ContractErrors.of(DataTokenRegistry.class);

    /** What each custom error of DataTokenRegistry.sol means, for the refusal message. */
    static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry("ZeroAddress", "the zero address cannot be used"),
            Map.entry("ZeroTokenId", "the data token id must not be zero"),
            Map.entry("InvalidKind", "%s is not an asset kind"),
            Map.entry("NotProvider", "account %s does not act for an active provider of asset kind %s"),
            Map.entry("TokenExists", "data token %s is already registered"),
            Map.entry("UnknownToken", "data token %s is not registered"),
            Map.entry("EmptyStoragePath", "the storage path must not be empty"),
            Map.entry("StoragePathTooLong", "the storage path has %s bytes, at most %s are allowed"),
            Map.entry("ZeroProof", "the proof must not be zero"),
            Map.entry("SelfChild", "data token %s cannot be its own child"),
            Map.entry("DuplicateChild", "child %s is listed twice"),
            Map.entry("TooManyChildren", "%s children, at most %s are allowed"),
            Map.entry("TooDeep", "the composition would be %s levels deep, at most %s are allowed"),
            Map.entry("TreeTooLarge", "the composition would span %s tokens, at most %s are allowed"),
            Map.entry("NotOwner", "account %s does not act for the owner of data token %s"),
            Map.entry("OrganizationInactive", "organization %s is suspended or removed"),
            Map.entry("NotAChild", "data token %s is not a child of %s"),
            Map.entry("ExpiryInPast", "expiry %s is not in the future"),
            Map.entry("NoLiveGrant", "data token %s has no unrevoked grant to %s"),
            Map.entry("NotEndUser", "account %s is no end user of any organization: only end users register "
                    + "tokens of their own"),
            Map.entry("NotProviderOrganization", "organization %s does not hold the provider role of asset kind %s, "
                    + "so its end users cannot register data tokens"),
            Map.entry("NotEndUserOwner", "account %s does not act for data token %s: it is owned by end user %s, "
                    + "whose own registered account alone grants, revokes or updates it"));

    private final DataTokenRegistry registry;
    private final ContractCalls calls;

    public Web3jDataTokenLedger(ChainConnection connection, ChainAddress registryAddress) {
        Objects.requireNonNull(connection, "connection");
        this.registry = DataTokenRegistry.load(registryAddress.value(), connection.web3j(),
                connection.transactionManager(), connection.gasProvider());
        this.calls = new ContractCalls(connection, "data token registry", registry.getContractAddress(), ERRORS,
                DESCRIPTIONS);
    }

    /** Deploys a new, empty registry over an organization registry (dev chains and tests). */
    public static Web3jDataTokenLedger deploy(ChainConnection connection, ChainAddress organizationRegistry) {
        try {
            DataTokenRegistry deployed = DataTokenRegistry.deploy(connection.web3j(), connection.transactionManager(),
                    connection.gasProvider(), organizationRegistry.value()).send();
            return new Web3jDataTokenLedger(connection, ChainAddress.of(deployed.getContractAddress()));
        } catch (Exception e) {
            throw new LedgerUnavailable("could not deploy DataTokenRegistry at " + connection.settings().rpcUrl()
                    + ": " + e.getMessage(), e);
        }
    }

    public ChainAddress registryAddress() {
        return ChainAddress.of(registry.getContractAddress());
    }

    /** The generated wrapper, for tests of what the port cannot express. */
    DataTokenRegistry contract() {
        return registry;
    }

    @Override
    public TransactionHash register(DataTokenId id, AssetKind kind, Cid storagePath, Proof proof,
                                    List<DataTokenId> children) {
        return hashOf(submit("register data token " + id, registry.register(LedgerValues.bytes32(id), kindCode(kind),
                storagePath.value(), LedgerValues.bytes32(proof), LedgerValues.bytes32(children))));
    }

    @Override
    public TransactionHash registerAsEndUser(DataTokenId id, Cid storagePath, Proof proof) {
        return hashOf(submit("register data token " + id + " as an end user", registry.registerAsEndUser(
                LedgerValues.bytes32(id), storagePath.value(), LedgerValues.bytes32(proof))));
    }

    @Override
    public TransactionHash updateMetadata(DataTokenId id, Cid storagePath, Proof proof) {
        return hashOf(submit("update the metadata of data token " + id, registry.updateMetadata(LedgerValues.bytes32(id),
                storagePath.value(), LedgerValues.bytes32(proof))));
    }

    private static TransactionHash hashOf(TransactionReceipt receipt) {
        return TransactionHash.of(receipt.getTransactionHash());
    }

    @Override
    public TransactionHash grant(DataTokenId child, DataTokenId parent) {
        return hashOf(submit("grant " + child + " to " + parent,
                registry.grant(LedgerValues.bytes32(child), LedgerValues.bytes32(parent), BigInteger.ZERO)));
    }

    @Override
    public TransactionHash grant(DataTokenId child, DataTokenId parent, Instant expiresAt) {
        Objects.requireNonNull(expiresAt, "expiresAt");
        return hashOf(submit("grant " + child + " to " + parent + " until " + expiresAt, registry.grant(LedgerValues.bytes32(child),
                LedgerValues.bytes32(parent), LedgerValues.unixSeconds(expiresAt))));
    }

    @Override
    public TransactionHash revoke(DataTokenId child, DataTokenId parent) {
        return hashOf(submit("revoke the grant of " + child + " to " + parent,
                registry.revoke(LedgerValues.bytes32(child), LedgerValues.bytes32(parent))));
    }

    @Override
    public Optional<DataToken> find(DataTokenId id) {
        DataTokenRegistry.DataToken token = calls.read(registry.tokenOf(LedgerValues.bytes32(id)));
        if (token.registeredAt.signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(new DataToken(id, LedgerValues.organization(token.owner), kind(token.kind),
                LedgerValues.parsed("storage path", token.storagePath, Cid::parse),
                Proof.of(LedgerValues.hex(token.proof)),
                token.children.stream().map(child -> DataTokenId.of(LedgerValues.hex(child))).toList(),
                LedgerValues.instant(token.registeredAt), Optional.ofNullable(EndUserIds.toUserId(token.endUser))));
    }

    @Override
    public Optional<Grant> grantOf(DataTokenId child, DataTokenId parent) {
        DataTokenRegistry.Grant grant = calls.read(
                registry.grantOf(LedgerValues.bytes32(child), LedgerValues.bytes32(parent)));
        if (grant.grantedAt.signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(new Grant(child, parent, LedgerValues.instant(grant.grantedAt),
                LedgerValues.instantOrNull(grant.expiresAt), grant.revoked));
    }

    @Override
    public boolean isActive(DataTokenId id) {
        return calls.read(registry.isActive(LedgerValues.bytes32(id)));
    }

    @Override
    public boolean isPartOf(DataTokenId id, DataTokenId root) {
        return calls.read(registry.isPartOf(LedgerValues.bytes32(id), LedgerValues.bytes32(root)));
    }

    /** Dry-runs, sends and waits for one change; package-private so tests can read the receipt's events. */
    TransactionReceipt submit(String action, RemoteFunctionCall<TransactionReceipt> call) {
        return calls.submit(action, call);
    }

    /** The contract's kind codes: DATA = 0, COMPUTE = 1, ALGORITHM = 2. */
    static BigInteger kindCode(AssetKind kind) {
        return BigInteger.valueOf(switch (kind) {
            case DATA -> 0;
            case COMPUTE -> 1;
            case ALGORITHM -> 2;
        });
    }

    static AssetKind kind(BigInteger code) {
        return switch (code.intValueExact()) {
            case 0 -> AssetKind.DATA;
            case 1 -> AssetKind.COMPUTE;
            case 2 -> AssetKind.ALGORITHM;
            default -> throw new LedgerUnavailable("the ledger holds an unknown asset kind " + code, null);
        };
    }
}
