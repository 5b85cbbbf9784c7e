package io.datatoken.verifier.verification;

import static io.datatoken.verifier.verification.VerificationRefused.Why.NOT_FOUND;

import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.organization.OrganizationLedger;
import io.datatoken.domain.token.DataToken;
import io.datatoken.domain.token.DataTokenId;
import io.datatoken.domain.token.DataTokenLedger;
import io.datatoken.domain.token.Grant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Why a composition is, or is not, active on chain: every edge of its tree with the state of its
 * grant, and every owner organization with its state. What a job waits for, in one answer.
 */
@ApplicationScoped
public class AuthorizationTree {

    @Inject
    DataTokenLedger tokens;

    @Inject
    OrganizationLedger organizations;

    Clock clock = Clock.systemUTC();

    public Status of(DataTokenId root) {
        DataToken top = tokens.find(root).orElseThrow(() -> new VerificationRefused(NOT_FOUND, "unknown-asset",
                "no asset is registered as " + root));
        Instant now = clock.instant();
        Map<OrganizationAlias, Boolean> owners = new HashMap<>();
        List<Edge> edges = new ArrayList<>();
        collect(top, now, owners, edges);
        owners.computeIfAbsent(top.owner(), organizations::isActive);
        return new Status(root, tokens.isActive(root), top.owner(), owners.get(top.owner()), edges);
    }

    private void collect(DataToken parent, Instant now, Map<OrganizationAlias, Boolean> owners, List<Edge> edges) {
        for (DataTokenId childId : parent.children()) {
            DataToken child = tokens.find(childId).orElseThrow();
            boolean ownerActive = owners.computeIfAbsent(child.owner(), organizations::isActive);
            Optional<Grant> grant = tokens.grantOf(childId, parent.id());
            edges.add(new Edge(childId, parent.id(), child.owner(), ownerActive, stateOf(grant, now),
                    grant.map(Grant::expiresAt).orElse(null)));
            collect(child, now, owners, edges);
        }
    }

    private static GrantState stateOf(Optional<Grant> grant, Instant now) {
        if (grant.isEmpty()) {
            return GrantState.MISSING;
        }
        if (grant.get().revoked()) {
            return GrantState.REVOKED;
        }
        return grant.get().isLiveAt(now) ? GrantState.LIVE : GrantState.EXPIRED;
    }

    /** The state of one child's grant to its parent. */
    public enum GrantState {
        LIVE, MISSING, REVOKED, EXPIRED
    }

    /** One edge of the tree: the child's grant to the parent, and whether the child's owner is active. */
    public record Edge(DataTokenId child, DataTokenId parent, OrganizationAlias childOwner, boolean ownerActive,
                       GrantState grant, Instant expiresAt) {

        public boolean blocking() {
            return grant != GrantState.LIVE || !ownerActive;
        }
    }

    /** The composition's state as the chain decides it, and every edge that explains it. */
    public record Status(DataTokenId root, boolean active, OrganizationAlias owner, boolean ownerActive,
                         List<Edge> edges) {
    }
}
