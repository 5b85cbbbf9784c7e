package io.datatoken.job.orchestration;

import io.datatoken.domain.asset.AssetService;
import io.datatoken.domain.asset.Ddo;
import io.datatoken.domain.asset.DdoRejected;
import io.datatoken.domain.content.ContentNotFound;
import io.datatoken.domain.content.ContentStore;
import io.datatoken.domain.content.ContentTampered;
import io.datatoken.domain.op.OpHash;
import io.datatoken.domain.token.DataToken;
import io.datatoken.domain.token.DataTokenId;
import io.datatoken.domain.token.DataTokenLedger;
import io.datatoken.metadata.DdoVerifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds a job's parties as its compute nodes will check them: every asset in the job's tree whose
 * composition directly above it sets an op for it in its workflow, with that op. The tree is the
 * chain's (the algorithm, its children, theirs...); every composition's DDO is read from the content
 * store and proven against the proof the chain records, and owners come from the chain. A party's
 * node is the first endpoint its asset's DDO names; a party may drop out when its composition's
 * workflow sets {@code dropout_after}.
 */
@ApplicationScoped
public class PartyDiscovery {

    /** Compositions read at most: a bound on the work one job can cause (the chain forbids cycles anyway). */
    static final int MAX_COMPOSITIONS = 64;

    @Inject
    DataTokenLedger tokens;

    @Inject
    ContentStore content;

    @Inject
    DdoVerifier ddos;

    private record Composition(DataToken token, Ddo ddo) {
    }

    /**
     * @throws CannotDispatch if the algorithm is not on chain, or the DDO of the algorithm or of a composed
     *                        asset it uses cannot be read or proven (its parties would be unknown), or no
     *                        workflow sets any op
     * @throws io.datatoken.domain.content.ContentStoreUnavailable if the content store is down (try later)
     */
    public List<Party> partiesOf(DataTokenId algorithm) {
        DataToken root = tokens.find(algorithm)
                .orElseThrow(() -> new CannotDispatch("the algorithm " + algorithm + " is not on chain"));
        Ddo rootDdo;
        try {
            rootDdo = read(root);
        } catch (DdoRejected | ContentNotFound | ContentTampered unreadable) {
            throw new CannotDispatch("cannot read the algorithm " + algorithm + "'s DDO: " + unreadable.getMessage());
        }
        Map<PartyKey, Party> parties = new LinkedHashMap<>();
        Deque<Composition> pending = new ArrayDeque<>(List.of(new Composition(root, rootDdo)));
        Set<DataTokenId> visited = new HashSet<>(Set.of(algorithm));
        while (!pending.isEmpty()) {
            if (visited.size() > MAX_COMPOSITIONS) {
                throw new CannotDispatch("the algorithm " + algorithm + " uses more than " + MAX_COMPOSITIONS
                        + " composed assets");
            }
            Composition composition = pending.pop();
            Map<String, String> setOps = setOps(composition.ddo());
            Set<String> children = new TreeSet<>(setOps.keySet());
            composition.token().children().forEach(child -> children.add(child.value()));
            for (String id : children) {
                DataTokenId dt = DataTokenId.of(id);
                DataToken child = tokens.find(dt).orElseThrow(() -> new CannotDispatch("the composition "
                        + composition.token().id() + " uses " + dt + ", which is not on chain"));
                String op = setOps.get(id);
                if (op == null && child.isLeaf()) {
                    continue;
                }
                Ddo childDdo = null;
                String problem = null;
                try {
                    childDdo = read(child);
                } catch (DdoRejected | ContentNotFound | ContentTampered unreadable) {
                    problem = "cannot read asset " + dt + "'s DDO: " + unreadable.getMessage();
                    if (op == null) {
                        throw new CannotDispatch(problem + "; the parties below it are unknown");
                    }
                }
                if (op != null) {
                    Party party = new Party(dt, OpHash.of(op), child.owner(),
                            childDdo == null ? null : nodeOf(childDdo), problem == null ? noNode(dt, childDdo) : problem,
                            composition.token().id(), dropoutAfter(composition.ddo(), id));
                    parties.putIfAbsent(party.key(), party);
                }
                if (!child.isLeaf() && childDdo != null && visited.add(dt)) {
                    pending.add(new Composition(child, childDdo));
                }
            }
        }
        if (parties.isEmpty()) {
            throw new CannotDispatch("no workflow in the algorithm " + algorithm + " sets an op for any asset: "
                    + "nothing would run");
        }
        return List.copyOf(parties.values());
    }

    private Ddo read(DataToken token) {
        return ddos.verify(content.get(token.storagePath()), token.proof());
    }

    /** Every child → op of every service (the first service to name a child wins). */
    private static Map<String, String> setOps(Ddo ddo) {
        Map<String, String> setOps = new HashMap<>();
        ddo.services().stream().map(AssetService::workflow).forEach(w -> w.setOps().forEach(setOps::putIfAbsent));
        return setOps;
    }

    /**
     * The {@code dropout_after} seconds of the service whose workflow sets the child's op: its parties
     * may drop out (federated learning); zero if it sets none or no whole number of seconds.
     */
    private static Duration dropoutAfter(Ddo composition, String child) {
        return composition.services().stream().filter(s -> s.workflow().setOps().containsKey(child)).findFirst()
                .map(s -> s.workflow().configs().get("dropout_after")).map(String::strip).filter(v -> v.matches("\\d{1,4}"))
                .map(v -> Duration.ofSeconds(Long.parseLong(v))).orElse(Duration.ZERO);
    }

    private static Optional<String> endpointOf(Ddo ddo) {
        return ddo.services().stream().map(AssetService::endpoint).filter(e -> e != null).findFirst();
    }

    /** The first endpoint, if it is an http(s) URL: the service account's token goes nowhere else. */
    private static URI nodeOf(Ddo ddo) {
        return endpointOf(ddo).map(URI::create)
                .filter(uri -> "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                .orElse(null);
    }

    /** Why a readable DDO gives no node, or null if it gives one. */
    private static String noNode(DataTokenId dt, Ddo ddo) {
        if (nodeOf(ddo) != null) {
            return null;
        }
        return endpointOf(ddo).map(e -> "asset " + dt + "'s DDO names endpoint '" + e + "', which is not an http(s) URL")
                .orElse("asset " + dt + "'s DDO names no compute endpoint");
    }
}
