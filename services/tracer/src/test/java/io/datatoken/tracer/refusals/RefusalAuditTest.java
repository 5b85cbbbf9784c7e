package io.datatoken.tracer.refusals;

import static org.assertj.core.api.Assertions.assertThat;

import io.datatoken.domain.asset.AssetKind;
import io.datatoken.domain.market.JobId;
import io.datatoken.domain.organization.ChainAddress;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.token.DataTokenId;
import io.datatoken.tracer.LedgerHistory;
import io.datatoken.tracer.TracerSchemaTest;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The audit's refusals: the reporting organization's and those of its jobs, newest first, a page at a time. */
class RefusalAuditTest extends TracerSchemaTest {

    private static final String A = LedgerHistory.id("A");
    private static final String X = LedgerHistory.id("X");
    private static final String JOB = LedgerHistory.id("job of algo-c");
    private static final Instant T0 = Instant.parse("2027-01-01T00:00:00Z");

    private RefusalLog log;

    @BeforeAll
    void algoCsJobRefusedAtBankAndAnUnrelatedRefusal() {
        emptyIndex();
        inTracerSchema(em -> em.createNativeQuery("delete from refusal").executeUpdate());
        LedgerHistory history = new LedgerHistory();
        history.block(history.registered(A, "bank-a", AssetKind.DATA));
        history.block(history.registered(X, "algo-c", AssetKind.ALGORITHM, A));
        history.block(history.jobSubmitted(JOB, LedgerHistory.id("task"), X, "algo-c"));
        index(history.chain);
        TransactionalRefusals refusals = new TransactionalRefusals(this::inTracerSchema);
        RefusalStore store = refusals.store();
        ChainAddress node = ChainAddress.of(LedgerHistory.account("bank-a's node"));
        store.keep(OrganizationAlias.of("bank-a"), node, refusal(JobId.of(JOB), 1), "0xsig", T0.plusSeconds(60));
        store.keep(OrganizationAlias.of("bank-a"), node, refusal(null, 2), "0xsig", T0.plusSeconds(60));
        store.keep(OrganizationAlias.of("bank-b"), ChainAddress.of(LedgerHistory.account("bank-b's node")),
                refusal(JobId.of(LedgerHistory.id("someone else's job")), 3), "0xsig", T0.plusSeconds(60));
        log = refusals.log();
    }

    @Test
    void the_reporting_organization_sees_its_nodes_refusals_newest_first() {
        assertThat(log.concerning(Optional.of("bank-a"), 10, null)).extracting(RefusalView::refusedAt)
                .containsExactly(T0.plusSeconds(2), T0.plusSeconds(1));
    }

    @Test
    void the_jobs_owner_sees_the_refusals_of_its_jobs_requests() {
        assertThat(log.concerning(Optional.of("algo-c"), 10, null)).singleElement()
                .satisfies(r -> assertThat(r.job()).isEqualTo(JOB));
        assertThat(log.concerning(Optional.of("vendor-z"), 10, null)).isEmpty();
    }

    @Test
    void without_an_organization_every_refusal_a_page_at_a_time() {
        assertThat(log.concerning(Optional.empty(), 2, null)).extracting(RefusalView::refusedAt)
                .containsExactly(T0.plusSeconds(3), T0.plusSeconds(2));
        assertThat(log.concerning(Optional.empty(), 2, T0.plusSeconds(2))).extracting(RefusalView::refusedAt)
                .containsExactly(T0.plusSeconds(1));
    }

    private static ReportedRefusal refusal(JobId job, int second) {
        return new ReportedRefusal(UUID.randomUUID(), job, DataTokenId.of(A), null, "job-not-running",
                "the job is SUBMITTED, not RUNNING", T0.plusSeconds(second));
    }
}
