package io.datatoken.portal.services;

import java.util.List;

/**
 * A DT's usage: the compositions above it, the jobs that run it, their receipts, the DT's grant
 * changes and the requests its owner's nodes refused.
 */
public record Usage(String dt, LineageToken token, List<LineageToken> compositions, List<TracedJob> jobs,
                    List<Receipt> receipts, List<GrantChange> grants, List<Refusal> refusals) {

    public Usage {
        compositions = compositions == null ? List.of() : List.copyOf(compositions);
        jobs = jobs == null ? List.of() : List.copyOf(jobs);
        receipts = receipts == null ? List.of() : List.copyOf(receipts);
        grants = grants == null ? List.of() : List.copyOf(grants);
        refusals = refusals == null ? List.of() : List.copyOf(refusals);
    }
}
