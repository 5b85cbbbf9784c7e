package io.datatoken.portal.ui.approvals;

import io.datatoken.portal.services.Asset;
import io.datatoken.portal.services.Lineage;
import io.datatoken.portal.services.TracerClient;
import io.datatoken.portal.ui.InlineProblem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The compositions that use an organization's assets, as the approvals view and the dashboard list them:
 * for each asset, the compositions directly above it in the tracer's upward lineage.
 */
public final class ApprovalRows {

    /** Only the compositions made directly of the asset need its owner's grant. */
    static final int LEVELS_UP = 1;

    private ApprovalRows() {
    }

    /** The rows of every asset; a lineage the tracer does not answer shows in {@code problem} and adds none. */
    public static List<ApprovalRow> of(List<Asset> assets, TracerClient tracer, InlineProblem problem) {
        return of(assets, dt -> problem.attempt(() -> tracer.lineage(dt, true, LEVELS_UP)));
    }

    static List<ApprovalRow> of(List<Asset> assets, Function<String, Optional<Lineage>> upward) {
        List<ApprovalRow> rows = new ArrayList<>();
        for (Asset asset : assets) {
            upward.apply(asset.dt()).ifPresent(up -> rows.addAll(ApprovalRow.of(asset, up)));
        }
        return rows;
    }

    /**
     * Those waiting for the owner: nothing granted yet. An expired or revoked grant was the owner's
     * decision, so it does not wait.
     */
    public static List<ApprovalRow> waiting(List<ApprovalRow> rows, Instant now) {
        return rows.stream().filter(row -> row.state(now) == ApprovalRow.GrantState.NONE).toList();
    }
}
