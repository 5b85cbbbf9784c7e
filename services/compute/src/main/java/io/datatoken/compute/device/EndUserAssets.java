package io.datatoken.compute.device;

import static io.datatoken.compute.device.DeviceRefused.Why.CONFLICT;
import static io.datatoken.compute.device.DeviceRefused.Why.FORBIDDEN;
import static io.datatoken.compute.device.DeviceRefused.Why.INVALID;

import io.datatoken.compute.runs.NodeAccount;
import io.datatoken.compute.runs.NodeParty;
import io.datatoken.domain.asset.AssetKind;
import io.datatoken.domain.asset.AssetService;
import io.datatoken.domain.asset.Ddo;
import io.datatoken.domain.asset.DdoRejected;
import io.datatoken.domain.asset.Proof;
import io.datatoken.domain.content.Cid;
import io.datatoken.domain.content.ContentStore;
import io.datatoken.domain.ledger.TransactionHash;
import io.datatoken.domain.op.OpHash;
import io.datatoken.domain.op.OpLedger;
import io.datatoken.domain.op.TrustedOp;
import io.datatoken.domain.organization.LedgerRefusal;
import io.datatoken.domain.token.DataToken;
import io.datatoken.domain.token.DataTokenId;
import io.datatoken.domain.token.DataTokenLedger;
import io.datatoken.metadata.DdoCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Registers the end user's data as their own Data Token, all or nothing like the asset service does
 * for organizations: everything that can refuse is checked first, then the canonical DDO goes to
 * the content store, then the user's account registers the token on chain ({@code registerAsEndUser}),
 * the commit point. The same document again answers with the registration that stands.
 */
@ApplicationScoped
public class EndUserAssets {

    @Inject
    NodeParty party;

    @Inject
    NodeAccount account;

    @Inject
    DataTokenLedger tokens;

    @Inject
    OpLedger ops;

    @Inject
    ContentStore content;

    @Inject
    DdoCodec codec;

    /**
     * @return the registration, and whether this call made it
     * @throws DeviceRefused    if the document is not one the end user may register; nothing was written
     * @throws DdoRejected      if it is no valid DDO
     * @throws LedgerRefusal    if the chain refused it (the organization inactive or no data provider)
     */
    public Registration register(byte[] document) {
        Ddo ddo = codec.parse(document);
        if (!ddo.owner().equals(party.organization())) {
            throw new DeviceRefused(FORBIDDEN, "not-your-organization", "the document names owner '" + ddo.owner()
                    + "'; an end user of '" + party.organization() + "' registers data under that organization");
        }
        if (ddo.kind() != AssetKind.DATA || !ddo.children().isEmpty()) {
            throw new DeviceRefused(INVALID, "end-user-data-only", "an end user registers DATA assets without children; "
                    + "the document describes a " + ddo.kind() + (ddo.children().isEmpty() ? "" : " over children"));
        }
        if (ddo.services().stream().anyMatch(s -> s.terms().maxUses() != null)) {
            // uses so far are counted from the grants the platform's services gave; a device does not keep them yet
            throw new DeviceRefused(INVALID, "max-uses-unsupported", "an end user's terms cannot limit the number of "
                    + "uses yet (remove maxUses); limit them by expiresAt, consumer organizations and purpose, and "
                    + "withdraw consent at any time");
        }
        requireUsableOps(ddo);
        byte[] canonical = codec.canonicalBytes(ddo);
        Proof proof = codec.proofOf(canonical);
        DataTokenId dt = DataTokenId.of(ddo.dt());
        Optional<DataToken> existing = tokens.find(dt);
        if (existing.isPresent()) {
            return standing(existing.get(), proof);
        }
        account.ensureRegistered();
        Cid stored = content.put(canonical);
        TransactionHash tx;
        try {
            tx = account.tokens().registerAsEndUser(dt, stored, proof);
        } catch (LedgerRefusal refused) {
            Optional<DataToken> raced = tokens.find(dt);
            if (raced.isPresent()) {
                return standing(raced.get(), proof);
            }
            throw refused;
        }
        return new Registration(dt, stored, proof, Optional.of(tx), true);
    }

    private Registration standing(DataToken onChain, Proof proof) {
        if (!party.holds(onChain) || !onChain.proof().equals(proof)) {
            throw new DeviceRefused(CONFLICT, "asset-exists", "data token " + onChain.id() + " is registered already"
                    + (party.holds(onChain) ? " with another document (proof " + onChain.proof() + ")" : " by another owner")
                    + "; a new asset needs a new dt");
        }
        return new Registration(onChain.id(), onChain.storagePath(), onChain.proof(), Optional.empty(), false);
    }

    private void requireUsableOps(Ddo ddo) {
        Stream.concat(ddo.services().stream().flatMap(s -> s.supportedOps().stream()),
                        ddo.services().stream().map(AssetService::terms).flatMap(t -> t.allowedOps().keySet().stream()))
                .distinct().forEach(op -> {
                    Optional<TrustedOp> trusted = ops.find(OpHash.of(op));
                    if (trusted.isEmpty()) {
                        throw new DeviceRefused(INVALID, "unknown-op", "op " + op + " is not a registered trusted op; "
                                + "only ops the admin published can be named");
                    }
                    if (!trusted.get().usable()) {
                        throw new DeviceRefused(CONFLICT, "op-deprecated", "op " + trusted.get().name() + " "
                                + trusted.get().version() + " is deprecated; name its successor instead");
                    }
                });
    }

    /** A registered end user's token: where its DDO is, its proof, and the transaction if this call sent it. */
    public record Registration(DataTokenId dt, Cid cid, Proof proof, Optional<TransactionHash> tx, boolean created) {
    }
}
