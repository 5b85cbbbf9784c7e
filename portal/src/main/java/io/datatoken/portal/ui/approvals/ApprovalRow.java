package io.datatoken.portal.ui.approvals;

import io.datatoken.portal.services.Asset;
import io.datatoken.portal.services.EdgeOp;
import io.datatoken.portal.services.GrantChange;
import io.datatoken.portal.services.Lineage;
import io.datatoken.portal.services.LineageToken;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A composition that uses one of the organization's assets: who owns it, the op it applies to the
 * asset and the last grant the chain recorded for the pair.
 *
 * @param compositionOwner null if the tracer did not name it
 * @param op               null if the tracer did not say
 * @param grant            null while nothing was granted
 * @param denial           the owner's reason for denying the composition, null if not denied
 */
public record ApprovalRow(Asset asset, String composition, String compositionOwner, EdgeOp op, GrantChange grant,
                          String denial) {

    /** What the chain (and, for a denial, the owner's record) says of the asset's use by the composition. */
    public enum GrantState { NONE, GRANTED, EXPIRED, REVOKED, DENIED }

    /** The compositions directly above the asset in its upward lineage. */
    public static List<ApprovalRow> of(Asset asset, Lineage up) {
        return up.edges().stream()
                .filter(edge -> asset.dt().equalsIgnoreCase(edge.child()))
                .map(edge -> new ApprovalRow(asset, edge.parent(), ownerOf(edge.parent(), up), edge.op(), edge.grant(), null))
                .toList();
    }

    private static String ownerOf(String dt, Lineage lineage) {
        return lineage.tokens().stream().filter(token -> dt.equalsIgnoreCase(token.dt()))
                .map(LineageToken::owner).findFirst().orElse(null);
    }

    /** The row with the owner's denial of the composition, if any. */
    public ApprovalRow deniedBecause(String reason) {
        return new ApprovalRow(asset, composition, compositionOwner, op, grant, reason);
    }

    public GrantState state(Instant now) {
        GrantState chain = chainState(now);
        // a live grant is the owner's latest word (granting clears a denial); otherwise a denial is
        return denial != null && chain != GrantState.GRANTED ? GrantState.DENIED : chain;
    }

    private GrantState chainState(Instant now) {
        if (grant == null || grant.change() == null) {
            return GrantState.NONE;
        }
        if ("REVOKED".equalsIgnoreCase(grant.change())) {
            return GrantState.REVOKED;
        }
        return expiresAt().filter(end -> !end.isAfter(now)).isPresent() ? GrantState.EXPIRED : GrantState.GRANTED;
    }

    /** When the grant ends; empty for until revoked (the chain's 0) or when there is no grant. */
    public Optional<Instant> expiresAt() {
        return grant == null || grant.expiresAt() == null || grant.expiresAt() == 0
                ? Optional.empty() : Optional.of(Instant.ofEpochSecond(grant.expiresAt()));
    }

    /** A stable key for the elements of its row. */
    public String key() {
        return composition + "-" + asset.dt();
    }

    /** The op's name and version, or its hash, or empty when the tracer could not tell. */
    public String opLabel() {
        if (op == null) {
            return "";
        }
        if (op.isKnown() && op.opName() != null) {
            return op.opName() + (op.opVersion() == null ? "" : " " + op.opVersion());
        }
        return op.opHash() == null ? "" : op.opHash();
    }
}
