package io.datatoken.job.orchestration;

import io.datatoken.domain.market.JobId;
import io.datatoken.domain.market.SignedExecutionRequest;
import io.datatoken.domain.op.OpHash;
import io.datatoken.domain.token.DataTokenId;
import java.net.URI;
import java.util.Optional;

/** The parties' compute nodes, as the job service hands them execution requests. */
public interface ComputeNodes {

    /**
     * Hands the signed request to the node whose API is at {@code node} ({@code POST <node>/v1/executions}).
     * Never throws for what the node or the network does: every outcome is an answer.
     */
    NodeAnswer submit(URI node, SignedExecutionRequest request);

    /**
     * Why the node's run of {@code op} on {@code dt} for the job failed, if the node reports it failed
     * ({@code GET <node>/v1/runs?job=}); empty while it waits, runs or succeeded, or if the node cannot
     * be asked now.
     */
    Optional<String> failure(URI node, JobId job, DataTokenId dt, OpHash op);
}
