package io.datatoken.tracer.refusals;

import io.datatoken.chain.ChainAccounts;
import io.datatoken.chain.NodeMessages;
import io.datatoken.domain.market.JobId;
import io.datatoken.domain.op.OpHash;
import io.datatoken.domain.organization.ChainAddress;
import io.datatoken.domain.token.DataTokenId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** A compute node's chain key, as the node signs its refusals with it. */
public record NodeKey(ChainAddress address, String privateKey) {

    public static NodeKey generate() {
        var account = ChainAccounts.generate();
        return new NodeKey(account.address(), account.privateKey());
    }

    public String sign(ReportedRefusal refusal) {
        return NodeMessages.sign(refusal.signedBytes(), privateKey);
    }

    /** A refusal of a request for {@code dt}, as a node reports one, refused a minute ago. */
    public static ReportedRefusal refusalOf(DataTokenId dt) {
        return new ReportedRefusal(UUID.randomUUID(), JobId.of("0x" + "5".repeat(64)), dt,
                OpHash.of("0x" + "c".repeat(64)), "job-not-running", "the job is SUBMITTED, not RUNNING",
                Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MICROS));
    }
}
