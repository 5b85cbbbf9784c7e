package io.datatoken.tracer.workflow;

import io.datatoken.chain.InMemoryChainLog;
import io.datatoken.content.InMemoryContentStore;
import io.datatoken.domain.asset.AssetKind;
import io.datatoken.domain.asset.AssetService;
import io.datatoken.domain.asset.Ddo;
import io.datatoken.domain.asset.Terms;
import io.datatoken.domain.asset.Workflow;
import io.datatoken.domain.content.Cid;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.metadata.DdoCodec;
import io.datatoken.tracer.LedgerHistory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Registered DTs with real documents: each DDO is stored in an in-memory content store (the content
 * module's fake, which passes the ContentStore contract test) and its event carries the document's CID
 * and proof, as the asset service registers them.
 */
final class Compositions {

    final LedgerHistory history = new LedgerHistory();
    final InMemoryChainLog chain = history.chain;
    final InMemoryContentStore content = new InMemoryContentStore();
    private final DdoCodec codec = new DdoCodec();
    private int transactions;

    static String id(String label) {
        return LedgerHistory.id(label);
    }

    /** A data asset's document. */
    static Ddo data(String dt) {
        return new Ddo(dt, AssetKind.DATA, "data " + dt.substring(0, 10), "", OrganizationAlias.of("bank-a"),
                List.of(new AssetService("compute-to-data", null, List.of(), List.of(), null, Terms.NONE, Map.of())));
    }

    /** An algorithm composing the children, one service whose workflow sets these ops. */
    static Ddo algorithm(String dt, List<String> children, Map<String, String> opsByChild, Map<String, String> configs) {
        return new Ddo(dt, AssetKind.ALGORITHM, "algorithm " + dt.substring(0, 10), "", OrganizationAlias.of("algo-c"),
                List.of(service(children, opsByChild, configs)));
    }

    static AssetService service(List<String> children, Map<String, String> opsByChild, Map<String, String> configs) {
        return new AssetService("data-union", null, children, List.copyOf(new TreeSet<>(opsByChild.values())),
                new Workflow(opsByChild, configs), Terms.NONE, Map.of());
    }

    /** TokenRegistered of a stored document, its children those the document names. */
    InMemoryChainLog.Log registered(Ddo ddo) {
        return registered(ddo, content.put(codec.canonicalBytes(ddo)).value(), codec.proofOf(ddo).value());
    }

    /** TokenRegistered naming the document's children, with this storage path and proof. */
    InMemoryChainLog.Log registered(Ddo ddo, String storagePath, String proof) {
        return log("DataTokenRegistry", "TokenRegistered", Map.of("dt", ddo.dt(),
                "owner", LedgerHistory.organization(ddo.owner().value()), "kind", String.valueOf(ddo.kind().ordinal()),
                "storagePath", storagePath, "proof", proof,
                "children", ddo.children().stream().map(c -> "\"" + c + "\"").collect(Collectors.joining(",", "[", "]"))));
    }

    /** MetadataUpdated to a stored document. */
    InMemoryChainLog.Log updated(Ddo ddo) {
        return log("DataTokenRegistry", "MetadataUpdated", Map.of("dt", ddo.dt(),
                "storagePath", content.put(codec.canonicalBytes(ddo)).value(), "proof", codec.proofOf(ddo).value()));
    }

    InMemoryChainLog.Log opPublished(String op, String name, String version) {
        return log("OpRegistry", "OpPublished", Map.of("opHash", op, "name", name, "version", version,
                "codeCid", Cid.of(name.getBytes(StandardCharsets.UTF_8)).value()));
    }

    /** Stores bytes that are not the document, as a tampering writer or node would. */
    Cid stored(byte[] bytes) {
        return content.put(bytes);
    }

    byte[] canonical(Ddo ddo) {
        return codec.canonicalBytes(ddo);
    }

    String proof(Ddo ddo) {
        return codec.proofOf(ddo).value();
    }

    private InMemoryChainLog.Log log(String contract, String event, Map<String, String> fields) {
        return InMemoryChainLog.log(id("workflow transaction " + ++transactions), contract, event, fields);
    }
}
