package io.datatoken.tracer.lineage;

import io.datatoken.tracer.refusals.RefusalView;
import java.util.List;

/**
 * A DT's usage: the compositions above it (to the deepest tree the chain allows), the jobs whose
 * algorithm is the DT or one of them, every receipt of those jobs (so of this DT and of the other
 * parties in them), the grant changes (grants, revocations) of the DT to its parents, and the requests
 * its owner's nodes refused for it (off chain, reported signed by the node: added by
 * {@link #withRefusals}).
 */
public record UsageView(String dt, TokenView token, List<TokenView> compositions, List<JobView> jobs,
                        List<ReceiptView> receipts, List<GrantView> grants, List<RefusalView> refusals) {

    public UsageView {
        compositions = List.copyOf(compositions);
        jobs = List.copyOf(jobs);
        receipts = List.copyOf(receipts);
        grants = List.copyOf(grants);
        refusals = List.copyOf(refusals);
    }

    /** The same usage with the refusals reported for the DT. */
    public UsageView withRefusals(List<RefusalView> reported) {
        return new UsageView(dt, token, compositions, jobs, receipts, grants, reported);
    }
}
