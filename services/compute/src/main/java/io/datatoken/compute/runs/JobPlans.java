package io.datatoken.compute.runs;

import io.datatoken.domain.asset.AssetService;
import io.datatoken.domain.asset.Ddo;
import io.datatoken.domain.asset.DdoRejected;
import io.datatoken.domain.content.ContentNotFound;
import io.datatoken.domain.content.ContentStore;
import io.datatoken.domain.content.ContentTampered;
import io.datatoken.domain.op.OpHash;
import io.datatoken.domain.op.OpLedger;
import io.datatoken.domain.op.TrustedOp;
import io.datatoken.domain.token.DataToken;
import io.datatoken.domain.token.DataTokenId;
import io.datatoken.domain.token.DataTokenLedger;
import io.datatoken.metadata.DdoVerifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * A job's plan as this node reads it for itself: tokens from the chain, every document from the
 * content store proven against its on-chain proof. Nothing a caller says about the plan is used.
 */
@ApplicationScoped
public class JobPlans {

    /** Deepest tree a job may have (the registry allows no cycles; this bounds a malicious one). */
    private static final int MAX_NODES = 256;

    @Inject
    DataTokenLedger tokens;

    @Inject
    OpLedger ops;

    @Inject
    ContentStore content;

    @Inject
    DdoVerifier ddos;

    /** The composition directly above {@code dt} in the tree under {@code root}, with the workflow naming it. */
    public Optional<Placement> placementOf(DataTokenId dt, DataTokenId root) {
        Deque<DataTokenId> pending = new ArrayDeque<>(List.of(root));
        int visited = 0;
        while (!pending.isEmpty() && visited++ < MAX_NODES) {
            DataToken node = tokens.find(pending.pop()).orElse(null);
            if (node == null) {
                continue;
            }
            if (node.children().contains(dt)) {
                return ddoOf(node).flatMap(ddo -> ddo.services().stream()
                        .filter(s -> s.childDts().contains(dt.value()) && s.workflow().setOps().containsKey(dt.value()))
                        .findFirst()
                        .map(s -> new Placement(node.id(), s)));
            }
            pending.addAll(node.children());
        }
        return Optional.empty();
    }

    /** The service of a composition whose workflow names its children's ops (an algorithm's, a data union's). */
    public Optional<Placement> workflowOf(DataTokenId composition) {
        return tokens.find(composition).flatMap(this::ddoOf).flatMap(ddo -> ddo.services().stream()
                .filter(s -> !s.workflow().setOps().isEmpty()).findFirst().map(s -> new Placement(composition, s)));
    }

    /** The compute endpoint {@code dt}'s owner publishes in its document: the first service's that has one. */
    public Optional<URI> endpointOf(DataTokenId dt) {
        return tokens.find(dt).flatMap(this::ddoOf).flatMap(ddo -> ddo.services().stream()
                .map(AssetService::endpoint).filter(e -> e != null).findFirst()).map(URI::create);
    }

    /** The registered name of an op (ss-share, secure-sum, …), which picks the node's driver for it. */
    public Optional<String> opName(OpHash op) {
        return ops.find(op).map(TrustedOp::name);
    }

    /** The children of a placement's composition whose workflow op is named {@code opName}, in document order. */
    public List<DataTokenId> childrenRunning(Placement placement, String opName) {
        return placement.service().childDts().stream()
                .filter(child -> {
                    String op = placement.service().workflow().setOps().get(child);
                    return op != null && opName(OpHash.of(op)).filter(opName::equals).isPresent();
                })
                .map(DataTokenId::of)
                .toList();
    }

    private Optional<Ddo> ddoOf(DataToken token) {
        try {
            return Optional.of(ddos.verify(content.get(token.storagePath()), token.proof()));
        } catch (DdoRejected | ContentNotFound | ContentTampered unreadable) {
            return Optional.empty();
        }
    }

    /**
     * Where an asset sits in a job: the composition above it and the service whose workflow names it.
     */
    public record Placement(DataTokenId composition, AssetService service) {

        public Optional<OpHash> opFor(DataTokenId dt) {
            return Optional.ofNullable(service.workflow().setOps().get(dt.value())).map(OpHash::of);
        }

        public String config(String key, String fallback) {
            return service.workflow().configs().getOrDefault(key, fallback);
        }

        /** A whole-number parameter of the workflow within [min, max]; a run fails on any other value. */
        public int wholeConfig(String key, int fallback, int min, int max) {
            try {
                int value = Integer.parseInt(config(key, String.valueOf(fallback)).strip());
                if (value < min || value > max) {
                    throw new NumberFormatException();
                }
                return value;
            } catch (NumberFormatException e) {
                throw new RunFailed("the workflow's " + key + " must be a whole number from " + min + " to " + max);
            }
        }
    }
}
