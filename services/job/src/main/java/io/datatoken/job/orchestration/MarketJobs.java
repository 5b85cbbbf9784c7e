package io.datatoken.job.orchestration;

import io.datatoken.domain.market.ExecutionReceipt;
import io.datatoken.domain.market.Job;
import io.datatoken.domain.market.JobId;
import io.datatoken.domain.market.JobState;
import io.datatoken.domain.market.SignedExecutionRequest;
import io.datatoken.domain.op.OpHash;
import io.datatoken.domain.token.DataTokenId;
import io.datatoken.job.market.JobEntry;
import io.datatoken.job.market.Market;
import io.datatoken.job.market.TaskBoard;
import io.datatoken.job.market.TaskMarkets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** {@link JobsOnChain} through the market: the chain's task market, this service's accounts, and the board. */
@ApplicationScoped
public class MarketJobs implements JobsOnChain {

    @Inject
    Market market;

    @Inject
    TaskMarkets markets;

    @Inject
    TaskBoard board;

    @Override
    public Optional<Job> find(JobId job) {
        return markets.reader().findJob(job);
    }

    @Override
    public List<ExecutionReceipt> receipts(JobId job) {
        return markets.reader().receipts(job);
    }

    @Override
    public SignedExecutionRequest request(Job job, DataTokenId dt, OpHash op, Duration lifetime) {
        return market.executionRequest(job.owner(), job.id(), dt, op, lifetime);
    }

    @Override
    public void finish(Job job, boolean succeeded) {
        market.finish(job.owner(), job.id(), succeeded);
    }

    @Override
    public void refresh(JobId job) {
        market.refresh(job);
    }

    @Override
    public List<JobId> running() {
        return board.jobsIn(JobState.RUNNING.name()).stream().map(JobEntry::chainId).map(JobId::of).toList();
    }
}
