package io.datatoken.job.orchestration;

import io.datatoken.domain.op.OpHash;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.token.DataTokenId;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * One party of a job: an asset, the op its composition's workflow sets for it, its owner (chain) and
 * the compute node that runs it (the asset's DDO).
 *
 * @param node         where the owner's compute node takes execution requests, or {@code null} when unknown
 * @param problem      why {@code node} is unknown, or {@code null} when it is known
 * @param composition  the composition directly above the asset, whose workflow sets its op
 * @param dropoutAfter how long its composition's parties wait for one that stays silent before they go on
 *                     without it (the workflow's {@code dropout_after}); zero: the party may not drop out
 */
public record Party(DataTokenId dt, OpHash op, OrganizationAlias owner, URI node, String problem,
                    DataTokenId composition, Duration dropoutAfter) {

    public Party {
        Objects.requireNonNull(dt, "dt");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(composition, "composition");
        dropoutAfter = dropoutAfter == null ? Duration.ZERO : dropoutAfter;
        if ((node == null) == (problem == null)) {
            throw new IllegalArgumentException("a party has either a node or a problem, not both or neither");
        }
    }

    public PartyKey key() {
        return new PartyKey(dt, op);
    }
}
