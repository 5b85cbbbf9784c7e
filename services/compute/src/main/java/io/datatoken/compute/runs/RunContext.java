package io.datatoken.compute.runs;

import io.datatoken.domain.market.Job;
import io.datatoken.domain.market.JobId;
import io.datatoken.domain.op.OpHash;
import io.datatoken.domain.token.DataTokenId;
import java.util.Optional;

/**
 * What a driver needs to run its op for a job: the run, the job on chain, where the asset sits in it,
 * the party's step and the state its previous step left (opened from the node's seal).
 */
public record RunContext(OpRun.Key key, JobId jobId, DataTokenId dt, OpHash op, Job job, JobPlans.Placement placement,
                         int step, Optional<String> state) {

    /** The id an op binds a party's state to (decision 0018): a state of another run is refused. */
    public String runId() {
        return key.job() + "/" + key.dt() + "/" + key.op();
    }

    /** The state the previous step left; a step after the first always has one. */
    public String requireState() {
        return state.orElseThrow(() -> new RunFailed("step " + step + " of " + runId() + " has no state from its "
                + "previous step on this node"));
    }
}
