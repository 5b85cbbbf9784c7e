package io.datatoken.portal.ui.approvals;

import io.datatoken.portal.services.Asset;
import io.datatoken.portal.services.AssetClient;
import io.datatoken.portal.services.Denial;
import io.datatoken.portal.services.Lineage;
import io.datatoken.portal.services.TracerClient;
import io.datatoken.portal.ui.InlineProblem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The compositions that use an organization's assets, as the approvals view and the dashboard list them:
 * for each asset, the compositions directly above it in the tracer's upward lineage.
 */
public final class ApprovalRows {

    /** Only the compositions made directly of the asset need its owner's grant. */
    static final int LEVELS_UP = 1;

    private ApprovalRows() {
    }

    /**
     * The rows of every asset with the owner's denials; a lineage the tracer does not answer (or denials
     * the asset service does not) shows in {@code problem} and adds none.
     */
    public static List<ApprovalRow> of(List<Asset> assets, TracerClient tracer, AssetClient assetService,
                                       InlineProblem problem) {
        return of(assets, dt -> problem.attempt(() -> tracer.lineage(dt, true, LEVELS_UP)),
                dt -> problem.attempt(() -> assetService.denials(dt)).orElse(List.of()));
    }

    static List<ApprovalRow> of(List<Asset> assets, Function<String, Optional<Lineage>> upward,
                                Function<String, List<Denial>> denials) {
        List<ApprovalRow> rows = new ArrayList<>();
        for (Asset asset : assets) {
            upward.apply(asset.dt()).ifPresent(up -> {
                List<ApprovalRow> above = ApprovalRow.of(asset, up);
                Map<String, String> reasons = above.isEmpty() ? Map.of() : denials.apply(asset.dt()).stream()
                        .collect(Collectors.toMap(d -> d.parent().toLowerCase(Locale.ROOT), Denial::reason, (a, b) -> a));
                above.forEach(row -> {
                    String reason = reasons.get(row.composition().toLowerCase(Locale.ROOT));
                    rows.add(reason == null ? row : row.deniedBecause(reason));
                });
            });
        }
        return rows;
    }

    /**
     * Those waiting for the owner: nothing granted yet. An expired or revoked grant, or a denial, was
     * the owner's decision, so it does not wait.
     */
    public static List<ApprovalRow> waiting(List<ApprovalRow> rows, Instant now) {
        return rows.stream().filter(row -> row.state(now) == ApprovalRow.GrantState.NONE).toList();
    }
}
