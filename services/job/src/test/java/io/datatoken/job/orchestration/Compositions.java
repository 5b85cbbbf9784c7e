package io.datatoken.job.orchestration;

import static io.datatoken.domain.organization.PlatformRole.ALGORITHM_PROVIDER;
import static io.datatoken.domain.organization.PlatformRole.COMPUTE_PROVIDER;
import static io.datatoken.domain.organization.PlatformRole.DATA_PROVIDER;

import io.datatoken.chain.InMemoryDataTokenLedger;
import io.datatoken.content.InMemoryContentStore;
import io.datatoken.domain.asset.AssetKind;
import io.datatoken.domain.asset.AssetService;
import io.datatoken.domain.asset.Ddo;
import io.datatoken.domain.asset.Terms;
import io.datatoken.domain.asset.Workflow;
import io.datatoken.domain.content.Cid;
import io.datatoken.domain.op.OpHash;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.token.DataToken;
import io.datatoken.domain.token.DataTokenId;
import io.datatoken.metadata.DdoCodec;
import io.datatoken.metadata.DdoVerifier;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Assets registered on the chain's fake by their owners, each with a DDO whose canonical bytes are in
 * the content store's fake (both pass their real adapters' contract tests), so that party discovery
 * reads and proves everything as it does in production.
 */
final class Compositions {

    static final OrganizationAlias BANK_A = OrganizationAlias.of("bank-a");
    static final OrganizationAlias BANK_B = OrganizationAlias.of("bank-b");
    static final OrganizationAlias VENDOR_V = OrganizationAlias.of("vendor-v");
    static final OrganizationAlias FINTECH_C = OrganizationAlias.of("fintech-c");

    static final OpHash SHARE = op("ss-share 1.0.0");
    static final OpHash SUM = op("secure-sum 1.0.0");
    static final OpHash TRAIN = op("edge-train 1.0.0");
    static final OpHash AVERAGE = op("fed-avg 1.0.0");

    /** One for all tests: compiling the DDO schema is the costly part. */
    private static final DdoCodec CODEC = new DdoCodec();

    final InMemoryDataTokenLedger.Chain chain = new InMemoryDataTokenLedger.Chain();
    final InMemoryContentStore content = new InMemoryContentStore();

    Compositions() {
        chain.addOrganization(BANK_A, Set.of(DATA_PROVIDER, COMPUTE_PROVIDER));
        chain.addOrganization(BANK_B, Set.of(DATA_PROVIDER, COMPUTE_PROVIDER));
        chain.addOrganization(VENDOR_V, Set.of(DATA_PROVIDER, COMPUTE_PROVIDER));
        chain.addOrganization(FINTECH_C, Set.of(ALGORITHM_PROVIDER));
    }

    /** Discovery as the job service wires it, reading the chain with an account of no organization. */
    PartyDiscovery discovery() {
        PartyDiscovery discovery = new PartyDiscovery();
        discovery.tokens = chain.operator();
        discovery.content = content;
        discovery.ddos = new DdoVerifier(CODEC);
        return discovery;
    }

    /** A data asset whose DDO names {@code endpoint} (none if null). */
    DataTokenId data(char digit, OrganizationAlias owner, String endpoint) {
        DataTokenId dt = dt(digit);
        register(new Ddo(dt.value(), AssetKind.DATA, "Data of " + owner, "", owner, List.of(
                new AssetService("compute-to-data", endpoint, List.of(), List.of(SHARE.value(), TRAIN.value()), null,
                        Terms.NONE, Map.of()))));
        return dt;
    }

    /** A composed asset (COMPUTE or ALGORITHM) over the children, with the op its workflow sets for each. */
    DataTokenId composed(char digit, AssetKind kind, OrganizationAlias owner, String endpoint,
                         Map<DataTokenId, OpHash> setOps) {
        return composed(digit, kind, owner, endpoint,
                setOps.keySet().stream().sorted(Comparator.comparing(DataTokenId::value)).toList(), setOps);
    }

    /** A composed asset over {@code children}, its workflow setting an op for some of them. */
    DataTokenId composed(char digit, AssetKind kind, OrganizationAlias owner, String endpoint,
                         List<DataTokenId> children, Map<DataTokenId, OpHash> setOps) {
        return composed(digit, kind, owner, endpoint, children, setOps, Map.of());
    }

    /** A composed asset over {@code children}, its workflow setting an op for some of them and the configs. */
    DataTokenId composed(char digit, AssetKind kind, OrganizationAlias owner, String endpoint,
                         List<DataTokenId> children, Map<DataTokenId, OpHash> setOps, Map<String, String> configs) {
        DataTokenId dt = dt(digit);
        Map<String, String> ops = new TreeMap<>();
        setOps.forEach((child, op) -> ops.put(child.value(), op.value()));
        register(new Ddo(dt.value(), kind, kind + " of " + owner, "", owner, List.of(
                new AssetService("workflow", endpoint, children.stream().map(DataTokenId::value).toList(), List.of(),
                        new Workflow(ops, configs), Terms.NONE, Map.of()))));
        return dt;
    }

    /** Stores another valid DDO and points the chain at it with the original proof, as a compromised store could. */
    void tamper(DataTokenId dt) {
        DataToken onChain = chain.operator().find(dt).orElseThrow();
        Ddo original = CODEC.parse(content.get(onChain.storagePath()));
        Ddo forged = new Ddo(original.dt(), original.kind(), original.title() + " (forged)", original.description(),
                original.owner(), original.services());
        Cid stored = content.put(CODEC.canonicalBytes(forged));
        chain.actingAs(onChain.owner()).updateMetadata(dt, stored, onChain.proof());
    }

    private void register(Ddo ddo) {
        byte[] canonical = CODEC.canonicalBytes(ddo);
        Cid stored = content.put(canonical);
        chain.actingAs(ddo.owner()).register(DataTokenId.of(ddo.dt()), ddo.kind(), stored, CODEC.proofOf(canonical),
                ddo.children().stream().map(DataTokenId::of).toList());
    }

    static DataTokenId dt(char digit) {
        return DataTokenId.of("0x" + String.valueOf(digit).repeat(64));
    }

    private static OpHash op(String code) {
        return OpHash.sha256Of(code.getBytes(StandardCharsets.UTF_8));
    }
}
