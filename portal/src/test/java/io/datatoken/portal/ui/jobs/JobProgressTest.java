package io.datatoken.portal.ui.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.datatoken.portal.services.JobDetails;
import io.datatoken.portal.services.JobDetails.Party;
import io.datatoken.portal.services.JobDetails.Receipt;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobProgressTest {

    private static Party party(String state) {
        return new Party("0x01", "0x02", "bank-a", "http://node", state, 1, List.of(), "",
                state.equals("DONE") ? new Receipt("0xabc", Instant.EPOCH, "0xdef") : null);
    }

    private static JobDetails job(String state, Party... parties) {
        return new JobDetails("0xj", "0xt", "0xa", "fintech-c", state, null, null, null, List.of(parties));
    }

    @Test
    void partiesWithAReceiptOutOfAll() {
        JobProgress progress = JobProgress.of(job("RUNNING", party("DONE"), party("ACCEPTED"), party("DONE"),
                party("DISPATCHING")));

        assertThat(progress.done()).isEqualTo(2);
        assertThat(progress.all()).isEqualTo(4);
        assertThat(progress.fraction()).isEqualTo(0.5);
        assertThat(progress.ended()).isFalse();
    }

    @Test
    void aJobNotStartedHasNoPartiesAndNothingDone() {
        JobProgress progress = JobProgress.of(new JobDetails("0xj", "0xt", "0xa", "fintech-c", "SUBMITTED", null, null,
                null, null));

        assertThat(progress.all()).isZero();
        assertThat(progress.fraction()).isZero();
        assertThat(progress.ended()).isFalse();
    }

    @Test
    void aSucceededOrFailedJobHasEnded() {
        assertThat(JobProgress.of(job("SUCCEEDED", party("DONE"), party("DONE")))).satisfies(p -> {
            assertThat(p.fraction()).isEqualTo(1.0);
            assertThat(p.ended()).isTrue();
        });
        assertThat(JobProgress.of(job("FAILED", party("DONE"), party("REFUSED"))).ended()).isTrue();
    }
}
