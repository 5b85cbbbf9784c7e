package io.datatoken.tracer.api;

import static io.datatoken.tracer.LedgerHistory.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datatoken.domain.asset.AssetKind;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.organization.PlatformRole;
import io.datatoken.support.security.Caller;
import io.datatoken.support.web.ProblemException;
import io.datatoken.tracer.LedgerHistory;
import io.datatoken.tracer.TracerSchemaTest;
import io.datatoken.tracer.lineage.JobView;
import io.datatoken.tracer.lineage.ReceiptView;
import io.datatoken.tracer.lineage.TokenView;
import io.datatoken.tracer.lineage.TransactionalLineageQueries;
import java.util.Optional;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GET /v1/lineage/{dt} and /v1/usage/{dt}: their parameters, their 404 and who may read what. */
class TraceResourcesTest extends TracerSchemaTest {

    private static final String A = id("A");
    private static final String X = id("X");
    private static final String JOB = id("job 1");

    @BeforeAll
    void aJobOverBankAsData() {
        emptyIndex();
        LedgerHistory history = new LedgerHistory();
        history.block(history.registered(A, "bank-a", AssetKind.DATA));
        history.block(history.registered(X, "algo-c", AssetKind.ALGORITHM, A), history.granted(A, X, 0));
        history.block(history.jobSubmitted(JOB, id("task 1"), X, "algo-c"), history.stateChanged(JOB, 0, 1));
        history.block(history.stateChanged(JOB, 1, 2), history.stateChanged(JOB, 2, 3));
        history.block(history.receipt(JOB, A, id("op"), id("result"), "bank-a"));
        index(history.chain);
    }

    @Test
    void lineage_goes_down_by_default_and_up_on_request() {
        assertThat(lineage(member("bank-a"), A, null, null).tokens()).isEmpty();
        assertThat(lineage(member("bank-a"), A, null, null).depth()).isEqualTo(10);
        assertThat(lineage(member("bank-a"), A, "UP", "3").tokens()).extracting(TokenView::dt).containsExactly(X);
        assertThat(lineage(member("bank-a"), A, "up", null).jobs()).extracting(JobView::owner).containsExactly("algo-c");
    }

    @Test
    void a_malformed_dt_direction_or_depth_is_a_400() {
        assertProblem(() -> lineage(member("bank-a"), "0x12", null, null), 400, "malformed-dt");
        assertProblem(() -> usage(member("bank-a"), "bank-a"), 400, "malformed-dt");
        assertProblem(() -> lineage(member("bank-a"), A, "sideways", null), 400, "malformed-direction");
        assertProblem(() -> lineage(member("bank-a"), A, "up", "33"), 400, "malformed-depth");
        assertProblem(() -> lineage(member("bank-a"), A, "up", "0"), 400, "malformed-depth");
        assertProblem(() -> lineage(member("bank-a"), A, "up", "ten"), 400, "malformed-depth");
    }

    @Test
    void a_dt_the_index_does_not_hold_is_a_404() {
        assertProblem(() -> lineage(member("bank-a"), id("nowhere"), null, null), 404, "unknown-asset");
        assertProblem(() -> usage(member("bank-a"), id("nowhere")), 404, "unknown-asset");
    }

    @Test
    void an_organization_with_no_dt_and_no_job_in_the_trace_is_refused() {
        assertProblem(() -> lineage(member("bank-b"), A, "up", null), 403, "not-yours");
        assertProblem(() -> usage(member("bank-b"), A), 403, "not-yours");
        // down from A holds A alone: the job's owner sees A's usage, not that lineage
        assertProblem(() -> lineage(member("algo-c"), A, "down", null), 403, "not-yours");
        assertProblem(() -> usage(new Caller("s", "nobody", Optional.empty(), Set.of(PlatformRole.DATA_USER)), A),
                403, "organization-required");
    }

    @Test
    void owners_and_job_owners_in_the_trace_read_it() {
        assertThat(lineage(member("bank-a"), A, "up", null).dt()).isEqualTo(A);
        assertThat(lineage(member("algo-c"), A, "up", null).dt()).isEqualTo(A);
        assertThat(usage(member("algo-c"), A).receipts()).extracting(ReceiptView::party).containsExactly("bank-a");
        assertThat(usage(member("bank-a"), A).jobs()).extracting(JobView::state).containsExactly("RUNNING");
    }

    @Test
    void a_regulator_and_an_admin_read_every_trace() {
        Caller regulator = new Caller("r", "regulator", Optional.empty(), Set.of(PlatformRole.REGULATOR));
        Caller admin = new Caller("a", "admin", Optional.empty(), Set.of(PlatformRole.ADMIN));

        assertThat(lineage(regulator, A, "down", null).dt()).isEqualTo(A);
        assertThat(usage(regulator, A).receipts()).hasSize(1);
        assertThat(lineage(admin, X, "down", "1").tokens()).extracting(TokenView::dt).containsExactly(A);
    }

    private static Caller member(String organization) {
        return new Caller("subject", "user of " + organization, Optional.of(OrganizationAlias.of(organization)),
                Set.of(PlatformRole.DATA_PROVIDER, PlatformRole.ALGORITHM_PROVIDER));
    }

    private io.datatoken.tracer.lineage.LineageView lineage(Caller caller, String dt, String direction, String depth) {
        LineageResource resource = new LineageResource();
        resource.caller = caller;
        resource.queries = new TransactionalLineageQueries(this::inTracerSchema);
        return resource.lineage(dt, direction, depth);
    }

    private io.datatoken.tracer.lineage.UsageView usage(Caller caller, String dt) {
        UsageResource resource = new UsageResource();
        resource.caller = caller;
        resource.queries = new TransactionalLineageQueries(this::inTracerSchema);
        return resource.usage(dt);
    }

    private static void assertProblem(ThrowingCallable call, int status, String kind) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.problem().status()).isEqualTo(status);
            assertThat(e.problem().type()).endsWith("/" + kind);
        });
    }
}
