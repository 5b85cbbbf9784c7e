package io.datatoken.asset.registration;

import static io.datatoken.asset.registration.AssetRefused.Why.CONFLICT;
import static io.datatoken.asset.registration.AssetRefused.Why.FORBIDDEN;
import static io.datatoken.asset.registration.AssetRefused.Why.INVALID;
import static io.datatoken.asset.registration.AssetRefused.Why.NOT_FOUND;

import io.datatoken.asset.catalog.Catalog;
import io.datatoken.asset.catalog.CatalogEntry;
import io.datatoken.domain.asset.AssetKind;
import io.datatoken.domain.asset.AssetService;
import io.datatoken.domain.asset.Ddo;
import io.datatoken.domain.asset.DdoRejected;
import io.datatoken.domain.asset.Proof;
import io.datatoken.domain.asset.Terms;
import io.datatoken.domain.content.Cid;
import io.datatoken.domain.content.ContentStore;
import io.datatoken.domain.ledger.TransactionHash;
import io.datatoken.domain.op.OpHash;
import io.datatoken.domain.op.OpLedger;
import io.datatoken.domain.op.TrustedOp;
import io.datatoken.domain.organization.EndUserId;
import io.datatoken.domain.organization.LedgerRefusal;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.organization.PlatformRole;
import io.datatoken.domain.token.DataToken;
import io.datatoken.domain.token.DataTokenId;
import io.datatoken.domain.token.DataTokenLedger;
import io.datatoken.metadata.DdoCodec;
import io.datatoken.metadata.DdoVerifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Registers assets all or nothing. Everything that can refuse is checked before anything is
 * written; then the canonical DDO goes to the content store (addressed by its content, so storing
 * it again is harmless and nothing refers to it until the chain does), then the owner's account
 * registers the token on chain, which is the commit point, then the catalog records it. A retry of
 * the same document answers with the registration that stands, and completes a catalog entry a
 * failed commit left out; another document for a registered dt is refused.
 */
@ApplicationScoped
public class AssetRegistration {

    @Inject
    DataTokenLedgers ledgers;

    @Inject
    OpLedger ops;

    @Inject
    ContentStore content;

    @Inject
    Catalog catalog;

    @Inject
    DdoCodec codec;

    @Inject
    DdoVerifier verifier;

    Clock clock = Clock.systemUTC();

    /**
     * Registers the asset the document describes for the registrant's organization.
     *
     * @return the registration; {@link Registered#created()} is false when it existed already
     */
    public Registered register(Registrant registrant, byte[] document, Expected expected) {
        Ddo ddo = codec.parse(document);
        requireMayWrite(registrant, ddo);
        byte[] canonical = codec.canonicalBytes(ddo);
        Proof proof = codec.proofOf(canonical);
        expected.check(proof, Cid.of(canonical));
        DataTokenId dt = DataTokenId.of(ddo.dt());
        DataTokenLedger reader = ledgers.reader();
        Optional<DataToken> existing = reader.find(dt);
        if (existing.isPresent()) {
            return standing(existing.get(), ddo, proof);
        }
        requireUsableOps(ddo);
        requireComposable(registrant.organization(), ddo, reader);
        Cid stored = content.put(canonical);
        TransactionHash tx;
        try {
            tx = ledgers.signedBy(registrant.organization()).register(dt, ddo.kind(), stored, proof, childrenOf(ddo));
        } catch (LedgerRefusal refused) {
            // The same registration sent twice at once: the one that landed is the answer to both.
            Optional<DataToken> raced = reader.find(dt);
            if (raced.isPresent()) {
                return standing(raced.get(), ddo, proof);
            }
            throw refused;
        }
        // Microseconds: what the database keeps, so this answer and every later read agree.
        CatalogEntry entry = catalog.record(entryOf(ddo, stored, proof, tx,
                OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS)));
        return new Registered(entry, true);
    }

    /**
     * Points a registered asset at a new version of its DDO; only its owner may, and kind, owner
     * and children stay as registered. The same document again changes nothing.
     */
    public Registered update(Registrant registrant, DataTokenId dt, byte[] document, Expected expected) {
        Ddo ddo = codec.parse(document);
        if (!ddo.dt().equals(dt.value())) {
            throw new AssetRefused(INVALID, "dt-mismatch", "the document describes " + ddo.dt()
                    + ", not " + dt + "; a DDO keeps the dt it was registered with");
        }
        DataTokenLedger reader = ledgers.reader();
        DataToken onChain = reader.find(dt).orElseThrow(() -> unknownAsset(dt));
        if (!onChain.owner().equals(registrant.organization())) {
            throw new AssetRefused(FORBIDDEN, "not-owner", "asset " + dt + " belongs to '" + onChain.owner()
                    + "'; only its owner changes its document");
        }
        requireMayWrite(registrant, ddo);
        if (ddo.kind() != onChain.kind() || !childrenOf(ddo).equals(onChain.children())) {
            throw new AssetRefused(INVALID, "immutable-field", "asset " + dt + " was registered as " + onChain.kind()
                    + " over children " + onChain.children() + "; kind and children never change, register a new asset instead");
        }
        byte[] canonical = codec.canonicalBytes(ddo);
        Proof proof = codec.proofOf(canonical);
        expected.check(proof, Cid.of(canonical));
        if (proof.equals(onChain.proof())) {
            return new Registered(catalogEntryOf(onChain, ddo), false);
        }
        requireUsableOps(ddo);
        Cid stored = content.put(canonical);
        ledgers.signedBy(registrant.organization()).updateMetadata(dt, stored, proof);
        CatalogEntry entry = catalog.redescribe(entryOf(ddo, stored, proof, null,
                OffsetDateTime.ofInstant(onChain.registeredAt(), ZoneOffset.UTC)));
        return new Registered(entry, true);
    }

    /**
     * Lists in the catalog a token registered on chain without this service — an end user's own,
     * registered by their device node (decision 0021) — or brings its entry up to date. The catalog
     * only ever copies the chain and the proven DDO, so anyone signed in may ask.
     *
     * @throws StoredDdoRejected if the stored document is not the one the chain vouches for
     */
    public CatalogEntry listFromChain(DataTokenId dt) {
        DataToken token = ledgers.reader().find(dt).orElseThrow(() -> unknownAsset(dt));
        return catalogEntryOf(token, storedDdoOf(token));
    }

    /**
     * The asset's current DDO, read from the content store and proven against the chain: the
     * content adapter checks the CID, then the document must hash to the proof on chain.
     *
     * @throws StoredDdoRejected if the stored document is not the one the chain vouches for
     */
    public VerifiedDdo readDdo(DataTokenId dt) {
        DataToken token = ledgers.reader().find(dt).orElseThrow(() -> unknownAsset(dt));
        Ddo ddo = storedDdoOf(token);
        return new VerifiedDdo(token, ddo, codec.canonicalBytes(ddo));
    }

    /** Whether the token's whole tree is authorized now, as the chain says. */
    public boolean isActive(DataTokenId dt) {
        return ledgers.reader().isActive(dt);
    }

    private Ddo storedDdoOf(DataToken token) {
        try {
            return verifier.verify(content.get(token.storagePath()), token.proof());
        } catch (DdoRejected rejected) {
            throw new StoredDdoRejected(token.id(), rejected);
        }
    }

    private Registered standing(DataToken onChain, Ddo ddo, Proof proof) {
        if (!onChain.owner().equals(ddo.owner()) || !onChain.proof().equals(proof)) {
            throw new AssetRefused(CONFLICT, "asset-exists", "data token " + onChain.id() + " is registered already"
                    + (onChain.owner().equals(ddo.owner()) ? " with another document (proof " + onChain.proof() + ")"
                    : " by '" + onChain.owner() + "'") + "; a new asset needs a new dt, and its owner changes "
                    + "a registered asset's document with PUT /v1/assets/{dt}/ddo");
        }
        return new Registered(catalogEntryOf(onChain, ddo), false);
    }

    /**
     * The catalog's entry for a document the chain records (its proof is the chain's), brought up
     * to date first if a failed commit left it out or left an earlier version.
     */
    private CatalogEntry catalogEntryOf(DataToken onChain, Ddo ddo) {
        Optional<CatalogEntry> listed = catalog.find(onChain.id().value());
        if (listed.isPresent() && listed.get().proof().equals(onChain.proof().value())) {
            return listed.get();
        }
        return catalog.redescribe(entryOf(ddo, onChain.storagePath(), onChain.proof(), null,
                OffsetDateTime.ofInstant(onChain.registeredAt(), ZoneOffset.UTC), onChain.endUser().orElse(null)));
    }

    private static void requireMayWrite(Registrant registrant, Ddo ddo) {
        if (!ddo.owner().equals(registrant.organization())) {
            throw new AssetRefused(FORBIDDEN, "not-your-organization", "the document names owner '" + ddo.owner()
                    + "' but you act for '" + registrant.organization() + "'; an organization registers only its own assets");
        }
        PlatformRole needed = providerOf(ddo.kind());
        if (!registrant.roles().contains(needed)) {
            throw new AssetRefused(FORBIDDEN, "role-required", "a " + ddo.kind() + " asset is registered by a "
                    + needed.roleName() + "; you have " + registrant.roles().stream().map(PlatformRole::roleName).sorted().toList());
        }
    }

    /** Every op the document names must be a registered, non-deprecated trusted op. */
    private void requireUsableOps(Ddo ddo) {
        for (Map.Entry<String, String> named : opsNamedBy(ddo).entrySet()) {
            Optional<TrustedOp> op = ops.find(OpHash.of(named.getKey()));
            if (op.isEmpty()) {
                throw new AssetRefused(INVALID, "unknown-op", "op " + named.getKey() + " (at " + named.getValue()
                        + ") is not a registered trusted op; only ops the admin published can be named");
            }
            if (!op.get().usable()) {
                throw new AssetRefused(CONFLICT, "op-deprecated", "op " + op.get().name() + " " + op.get().version()
                        + " (at " + named.getValue() + ") is deprecated; name its successor instead");
            }
        }
    }

    /** Op hash → where the document first names it (a JSON Pointer). */
    private static Map<String, String> opsNamedBy(Ddo ddo) {
        Map<String, String> named = new LinkedHashMap<>();
        for (int i = 0; i < ddo.services().size(); i++) {
            AssetService service = ddo.services().get(i);
            String at = "/services/" + i;
            for (int j = 0; j < service.supportedOps().size(); j++) {
                named.putIfAbsent(service.supportedOps().get(j), at + "/supportedOps/" + j);
            }
            int s = i;
            service.workflow().setOps().forEach((child, op) -> named.putIfAbsent(op, "/services/" + s + "/workflow/setOps/" + child));
            service.terms().allowedOps().keySet().stream().sorted()
                    .forEach(op -> named.putIfAbsent(op, "/services/" + s + "/terms/allowedOps/" + op));
        }
        return named;
    }

    /**
     * Every child must be registered, and be the caller's own or offered to the caller: some
     * service of its DDO whose terms name no consumer organizations or name the caller's, and
     * have not expired.
     */
    private void requireComposable(OrganizationAlias composer, Ddo ddo, DataTokenLedger reader) {
        Instant now = clock.instant();
        for (DataTokenId child : childrenOf(ddo)) {
            DataToken token = reader.find(child).orElseThrow(() -> new AssetRefused(INVALID, "unknown-child",
                    "child data token " + child + " is not registered; register the child first or remove it from childDts"));
            if (token.owner().equals(composer)) {
                continue;
            }
            Ddo childDdo = storedDdoOf(token);
            boolean offered = childDdo.services().stream().map(AssetService::terms)
                    .anyMatch(terms -> offersTo(terms, composer, now));
            if (!offered) {
                throw new AssetRefused(FORBIDDEN, "child-not-offered", "child " + child + " belongs to '" + token.owner()
                        + "', whose terms do not offer it to '" + composer + "' (or have expired); ask its owner to "
                        + "name your organization among the consumer organizations of one of its services");
            }
        }
    }

    private static boolean offersTo(Terms terms, OrganizationAlias composer, Instant now) {
        boolean named = terms.consumerOrganizations().isEmpty() || terms.consumerOrganizations().contains(composer);
        return named && (terms.expiresAt() == null || terms.expiresAt().isAfter(now));
    }

    private static PlatformRole providerOf(AssetKind kind) {
        return switch (kind) {
            case DATA -> PlatformRole.DATA_PROVIDER;
            case COMPUTE -> PlatformRole.COMPUTE_PROVIDER;
            case ALGORITHM -> PlatformRole.ALGORITHM_PROVIDER;
        };
    }

    private static List<DataTokenId> childrenOf(Ddo ddo) {
        return ddo.children().stream().map(DataTokenId::of).toList();
    }

    private static List<String> supportedOps(Ddo ddo) {
        return ddo.services().stream().flatMap(s -> s.supportedOps().stream()).distinct().toList();
    }

    private static CatalogEntry entryOf(Ddo ddo, Cid cid, Proof proof, TransactionHash tx, OffsetDateTime at) {
        return entryOf(ddo, cid, proof, tx, at, null);
    }

    private static CatalogEntry entryOf(Ddo ddo, Cid cid, Proof proof, TransactionHash tx, OffsetDateTime at,
                                        EndUserId endUser) {
        return new CatalogEntry(ddo.dt(), ddo.owner().value(), endUser == null ? null : endUser.value(),
                ddo.kind().name(), ddo.title(), ddo.description(), cid.value(), proof.value(),
                tx == null ? null : tx.value(), at, Set.copyOf(supportedOps(ddo)), ddo.children());
    }

    private static AssetRefused unknownAsset(DataTokenId dt) {
        return new AssetRefused(NOT_FOUND, "unknown-asset", "no asset is registered as " + dt);
    }

    /** Who registers: the caller's organization and platform roles. */
    public record Registrant(OrganizationAlias organization, Set<PlatformRole> roles) {
    }

    /**
     * What the client computed itself, if anything: a proof or CID that differs from the service's
     * means the client and the service disagree on the document, and nothing is registered.
     */
    public record Expected(Proof proof, Cid cid) {

        public static final Expected NOTHING = new Expected(null, null);

        void check(Proof actualProof, Cid actualCid) {
            if (proof != null && !proof.equals(actualProof)) {
                throw new AssetRefused(INVALID, "proof-mismatch", "the document's canonical form (RFC 8785) hashes to "
                        + actualProof + ", not to the expected proof " + proof + ": it is not the document you meant");
            }
            if (cid != null && !cid.equals(actualCid)) {
                throw new AssetRefused(INVALID, "cid-mismatch", "the document's canonical form is stored as " + actualCid
                        + ", not as the expected CID " + cid + ": it is not the document you meant");
            }
        }
    }

    /** A registration and whether this call created it. */
    public record Registered(CatalogEntry entry, boolean created) {
    }

    /** A DDO proven to be the one the chain records for its token. */
    public record VerifiedDdo(DataToken token, Ddo ddo, byte[] canonical) {
    }
}
