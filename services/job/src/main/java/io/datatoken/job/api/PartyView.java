package io.datatoken.job.api;

import io.datatoken.domain.market.ExecutionReceipt;
import io.datatoken.job.orchestration.Orchestration.PartyProgress;
import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import java.util.List;

/**
 * One party of a running job: an asset, the op its composition's workflow sets for it, and how the
 * job service's request to the owner's compute node stands.
 *
 * @param owner    the asset's owner organization
 * @param node     the compute node asked (the first endpoint of the asset's DDO), or null if it names none
 * @param state    DISPATCHING, ACCEPTED, REFUSED, UNREACHABLE, or DONE once its receipt is on chain
 * @param attempts requests tried so far
 * @param reasons  the node's refusal codes (e.g. {@code job-not-running}), empty unless REFUSED
 * @param detail   what happened last, in words
 * @param receipt  the party's receipt on chain, or null while there is none
 */
@JsonbNillable
public record PartyView(String dt, String op, String owner, String node, String state, int attempts,
                        List<String> reasons, String detail, ReceiptView receipt) {

    static PartyView of(PartyProgress progress) {
        var p = progress.party();
        return new PartyView(p.dt().value(), p.op().value(), p.owner().value(), p.node() == null ? null : p.node().toString(),
                progress.state().name(), p.attempts(), p.reasons(), p.detail(),
                progress.receipt().map(ReceiptView::of).orElse(null));
    }

    /**
     * @param resultHash hash of what the party's op produced
     * @param recordedBy the party's chain account that recorded it
     */
    public record ReceiptView(String resultHash, Instant recordedAt, String recordedBy) {

        static ReceiptView of(ExecutionReceipt r) {
            return new ReceiptView(r.result().value(), r.recordedAt(), r.recordedBy().value());
        }
    }
}
