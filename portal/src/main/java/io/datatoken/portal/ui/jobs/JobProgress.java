package io.datatoken.portal.ui.jobs;

import io.datatoken.portal.services.JobDetails;
import io.datatoken.portal.services.JobDetails.Party;

/**
 * How far a job is: its parties with a receipt on chain (DONE) out of all of them (none before the
 * job service began running it), and whether the job has ended (SUCCEEDED, FAILED, REVOKED).
 */
record JobProgress(int done, int all, boolean ended) {

    static JobProgress of(JobDetails job) {
        int all = job.parties().size();
        int done = (int) job.parties().stream().filter(Party::done).count();
        return new JobProgress(done, all, !job.summary().running());
    }

    /** 0 to 1, for a progress bar. */
    double fraction() {
        return all == 0 ? 0 : (double) done / all;
    }
}
