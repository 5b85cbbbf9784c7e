package io.datatoken.portal.ui.trace;

import io.datatoken.portal.services.GrantChange;
import io.datatoken.portal.services.Receipt;
import io.datatoken.portal.services.Refusal;
import io.datatoken.portal.services.TracedJob;
import io.datatoken.portal.services.Usage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A DT's usage as one list in time order (oldest first): jobs submitted, receipts recorded, grants
 * and revocations, refused requests. What has no time (not yet read from its block) goes last.
 */
final class UsageTimeline {

    enum Kind {
        JOB, RECEIPT, GRANT, REVOCATION, REFUSAL
    }

    /**
     * One happening.
     *
     * @param who   the organization or account that did it
     * @param what  the job, op or code it concerns
     * @param about more: the job's state, the receipt's result hash, the grant's parent, the refusal's detail
     * @param block the block it is in; null for a refusal (off chain)
     */
    record Entry(Instant at, Kind kind, String who, String what, String about, Long block, String txHash) {
    }

    private static final Comparator<Entry> ORDER = Comparator
            .comparing(Entry::at, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Entry::block, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Entry::kind);

    private UsageTimeline() {
    }

    static List<Entry> of(Usage usage) {
        List<Entry> entries = new ArrayList<>();
        for (TracedJob job : usage.jobs()) {
            entries.add(new Entry(job.submittedAt(), Kind.JOB, job.owner(), job.job(), job.state(),
                    job.submittedBlock(), job.txHash()));
        }
        for (Receipt receipt : usage.receipts()) {
            entries.add(new Entry(receipt.recordedAt(), Kind.RECEIPT, receipt.party(), receipt.job(),
                    receipt.op() + " → " + receipt.resultHash(), receipt.blockNumber(), receipt.txHash()));
        }
        for (GrantChange grant : usage.grants()) {
            entries.add(new Entry(grant.at(), "REVOKED".equals(grant.change()) ? Kind.REVOCATION : Kind.GRANT,
                    grant.by(), grant.parent(), grant.child(), grant.blockNumber(), grant.txHash()));
        }
        for (Refusal refusal : usage.refusals()) {
            entries.add(new Entry(refusal.refusedAt(), Kind.REFUSAL, refusal.organization(), refusal.code(),
                    refusal.detail(), null, null));
        }
        entries.sort(ORDER);
        return List.copyOf(entries);
    }
}
