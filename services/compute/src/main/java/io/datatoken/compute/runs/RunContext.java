package io.datatoken.compute.runs;

import io.datatoken.domain.market.Job;
import io.datatoken.domain.market.JobId;
import io.datatoken.domain.op.OpHash;
import io.datatoken.domain.token.DataTokenId;

/** What a driver needs to run its op for a job: the run, the job on chain and where the asset sits in it. */
public record RunContext(OpRun.Key key, JobId jobId, DataTokenId dt, OpHash op, Job job, JobPlans.Placement placement) {
}
