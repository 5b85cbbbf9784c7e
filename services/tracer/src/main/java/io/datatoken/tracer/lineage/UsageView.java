package io.datatoken.tracer.lineage;

import java.util.List;

/**
 * A DT's usage: the compositions above it (to the deepest tree the chain allows), the jobs whose
 * algorithm is the DT or one of them, every receipt of those jobs (so of this DT and of the other
 * parties in them), and the grant changes (grants, revocations) of the DT to its parents.
 */
public record UsageView(String dt, TokenView token, List<TokenView> compositions, List<JobView> jobs,
                        List<ReceiptView> receipts, List<GrantView> grants) {

    public UsageView {
        compositions = List.copyOf(compositions);
        jobs = List.copyOf(jobs);
        receipts = List.copyOf(receipts);
        grants = List.copyOf(grants);
    }
}
