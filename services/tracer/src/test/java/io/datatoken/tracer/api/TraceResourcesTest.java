package io.datatoken.tracer.api;

import static io.datatoken.tracer.LedgerHistory.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.datatoken.chain.InMemoryChainLog;
import io.datatoken.domain.asset.AssetKind;
import io.datatoken.domain.market.JobId;
import io.datatoken.domain.organization.ChainAddress;
import io.datatoken.domain.organization.EndUserId;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.organization.PlatformRole;
import io.datatoken.domain.token.DataTokenId;
import io.datatoken.support.security.Caller;
import io.datatoken.support.web.ProblemException;
import io.datatoken.tracer.LedgerHistory;
import io.datatoken.tracer.TracerSchemaTest;
import io.datatoken.tracer.lineage.JobView;
import io.datatoken.tracer.lineage.ReceiptView;
import io.datatoken.tracer.lineage.TokenView;
import io.datatoken.tracer.lineage.TransactionalLineageQueries;
import io.datatoken.tracer.lineage.UsageView;
import io.datatoken.tracer.refusals.RefusalStore;
import io.datatoken.tracer.refusals.RefusalView;
import io.datatoken.tracer.refusals.ReportedRefusal;
import io.datatoken.tracer.refusals.TransactionalRefusals;
import io.datatoken.tracer.workflow.TransactionalEdgeOps;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GET /v1/lineage/{dt} and /v1/usage/{dt}: their parameters, their 404 and who may read what. */
class TraceResourcesTest extends TracerSchemaTest {

    private static final String A = id("A");
    private static final String X = id("X");
    private static final String JOB = id("job 1");
    private static final String NODE = LedgerHistory.account("bank-a's node");
    /** vendor-a's end user u-0042's own DT, composed into algo-c's W and used by its job 2 */
    private static final String D = id("u-0042's readings");
    private static final String W = id("W");
    private static final String JOB_2 = id("job 2");
    private static final String USER = LedgerHistory.account("u-0042's device");
    /** vendor-a's other end user u-0043's own DT, and a DT of vendor-a's own (no end user's) */
    private static final String E = id("u-0043's readings");
    private static final String V = id("vendor-a's own data");
    private static final String OTHER_USER = LedgerHistory.account("u-0043's device");

    @BeforeAll
    void aJobOverBankAsData() {
        emptyIndex();
        LedgerHistory history = new LedgerHistory();
        history.block(history.registered(A, "bank-a", AssetKind.DATA));
        history.block(history.registered(X, "algo-c", AssetKind.ALGORITHM, A), history.granted(A, X, 0));
        history.block(history.jobSubmitted(JOB, id("task 1"), X, "algo-c"), history.stateChanged(JOB, 0, 1));
        history.block(history.stateChanged(JOB, 1, 2), history.stateChanged(JOB, 2, 3));
        history.block(history.receipt(JOB, A, id("op"), id("result"), "bank-a").by(NODE));
        history.block(history.registeredByEndUser(D, "vendor-a", "u-0042", USER));
        history.block(history.registered(W, "algo-c", AssetKind.ALGORITHM, D), history.granted(D, W, 0).by(USER));
        history.block(history.jobSubmitted(JOB_2, id("task 2"), W, "algo-c"), history.stateChanged(JOB_2, 0, 3));
        history.block(history.receipt(JOB_2, D, id("op"), id("result 2"), "vendor-a").by(USER));
        history.block(history.registeredByEndUser(E, "vendor-a", "u-0043", OTHER_USER));
        history.block(history.registered(V, "vendor-a", AssetKind.DATA));
        index(history.chain);
        inTracerSchema(em -> em.createNativeQuery("delete from refusal").executeUpdate());
        RefusalStore store = new TransactionalRefusals(this::inTracerSchema).store();
        // bank-a's node refused a request of the job, and one of a stranger's job
        store.keep(OrganizationAlias.of("bank-a"), ChainAddress.of(NODE), refusal(JOB), "0xsig", Instant.now());
        store.keep(OrganizationAlias.of("bank-a"), ChainAddress.of(NODE), refusal(id("a stranger's job")), "0xsig",
                Instant.now());
        // vendor-a's node refused a request of job 2 for u-0042's DT
        store.keep(OrganizationAlias.of("vendor-a"), ChainAddress.of(LedgerHistory.account("vendor-a's node")),
                refusal(JOB_2, D), "0xsig", Instant.now());
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
    void usage_says_who_recorded_each_receipt_and_when() {
        assertThat(usage(member("algo-c"), A).receipts()).singleElement().satisfies(r -> {
            assertThat(r.recordedBy()).isEqualTo(NODE);
            assertThat(r.recordedAt()).isEqualTo(Instant.ofEpochSecond(InMemoryChainLog.GENESIS_TIME
                    + r.blockNumber() * InMemoryChainLog.BLOCK_SECONDS));
        });
        assertThat(usage(member("algo-c"), A).jobs()).singleElement()
                .satisfies(j -> assertThat(j.submittedAt()).isNotNull());
    }

    @Test
    void usage_holds_the_refusals_the_caller_may_read() {
        // the owner reads its node's refusals; the job's owner those of its own job only
        assertThat(usage(member("bank-a"), A).refusals()).hasSize(2);
        assertThat(usage(member("algo-c"), A).refusals()).extracting(RefusalView::job).containsExactly(JOB);
        assertThat(usage(new Caller("r", "regulator", Optional.empty(), Set.of(PlatformRole.REGULATOR)), A).refusals())
                .hasSize(2);
    }

    @Test
    void lineage_edges_say_why_their_op_is_not_known_without_a_document() {
        assertThat(lineage(member("bank-a"), A, "up", null).edges()).singleElement()
                .satisfies(e -> assertThat(e.op().status()).isNotNull());
    }

    @Test
    void a_regulator_and_an_admin_read_every_trace() {
        Caller regulator = new Caller("r", "regulator", Optional.empty(), Set.of(PlatformRole.REGULATOR));
        Caller admin = new Caller("a", "admin", Optional.empty(), Set.of(PlatformRole.ADMIN));

        assertThat(lineage(regulator, A, "down", null).dt()).isEqualTo(A);
        assertThat(usage(regulator, A).receipts()).hasSize(1);
        assertThat(lineage(admin, X, "down", "1").tokens()).extracting(TokenView::dt).containsExactly(A);
    }

    @Test
    void the_usage_of_an_end_users_dt_names_the_user_and_their_account_and_each_use_of_it() {
        UsageView usage = usage(member("vendor-a"), D);

        assertThat(usage.token()).extracting(TokenView::owner, TokenView::endUser, TokenView::endUserAccount)
                .containsExactly("vendor-a", "u-0042", USER);
        assertThat(usage.receipts()).extracting(ReceiptView::job, ReceiptView::dt, ReceiptView::resultHash,
                ReceiptView::recordedBy).containsExactly(tuple(JOB_2, D, id("result 2"), USER));
        assertThat(lineage(member("algo-c"), W, "down", null).tokens()).singleElement()
                .extracting(TokenView::dt, TokenView::endUser, TokenView::endUserAccount)
                .containsExactly(D, "u-0042", USER);
        assertThat(json(usage)).contains("\"endUser\":\"u-0042\"", "\"endUserAccount\":\"" + USER + "\"");
    }

    @Test
    void the_answers_about_an_organizations_dt_name_no_end_user() {
        UsageView usage = usage(member("bank-a"), A);

        assertThat(usage.token()).extracting(TokenView::endUser, TokenView::endUserAccount).containsExactly(null, null);
        assertThat(usage.compositions()).extracting(TokenView::endUser).containsOnlyNulls();
        assertThat(lineage(member("algo-c"), W, "down", null).token().endUser()).isNull();
        assertThat(json(usage)).doesNotContain("endUser");
    }

    @Test
    void an_end_user_reads_the_usage_and_the_lineage_of_their_own_dt() {
        Caller u42 = endUser("vendor-a", "u-0042");

        assertThat(usage(u42, D).receipts()).extracting(ReceiptView::job, ReceiptView::recordedBy)
                .containsExactly(tuple(JOB_2, USER));
        assertThat(usage(u42, D).jobs()).extracting(JobView::job, JobView::owner).containsExactly(tuple(JOB_2, "algo-c"));
        assertThat(lineage(u42, D, "up", null).tokens()).extracting(TokenView::dt).containsExactly(W);
        assertThat(lineage(u42, D, "down", null).token().endUser()).isEqualTo("u-0042");
        assertThat(usage(endUser("vendor-a", "u-0043"), E).token().endUserAccount()).isEqualTo(OTHER_USER);
    }

    @Test
    void an_end_user_reads_no_refusals_of_their_dt() {
        assertThat(usage(member("vendor-a"), D).refusals()).as("vendor-a's node reported one").hasSize(1);

        UsageView usage = usage(endUser("vendor-a", "u-0042"), D);

        assertThat(usage.refusals()).isEmpty();
        assertThat(UsageCsv.of(usage)).contains(",receipt,").doesNotContain(",refusal,");
    }

    @Test
    void an_end_user_is_refused_the_dt_of_another_end_user_of_their_organization() {
        Caller u43 = endUser("vendor-a", "u-0043");

        assertNotTheirs(() -> usage(u43, D), "u-0043 of vendor-a");
        assertNotTheirs(() -> lineage(u43, D, "up", null), "u-0043 of vendor-a");
    }

    @Test
    void an_end_user_is_refused_their_organizations_own_dt() {
        Caller u42 = endUser("vendor-a", "u-0042");

        assertNotTheirs(() -> usage(u42, V), "u-0042 of vendor-a");
        assertNotTheirs(() -> lineage(u42, V, "down", null), "u-0042 of vendor-a");
    }

    @Test
    void an_end_user_of_another_organization_with_the_same_id_is_refused() {
        Caller u42OfVendorB = endUser("vendor-b", "u-0042");

        assertNotTheirs(() -> usage(u42OfVendorB, D), "u-0042 of vendor-b");
        assertNotTheirs(() -> lineage(u42OfVendorB, D, "up", null), "u-0042 of vendor-b");
    }

    @Test
    void an_end_user_is_refused_every_other_trace_the_compositions_of_their_dt_included() {
        Caller u42 = endUser("vendor-a", "u-0042");

        assertNotTheirs(() -> lineage(u42, W, "down", null), "u-0042 of vendor-a");
        assertNotTheirs(() -> usage(u42, W), "u-0042 of vendor-a");
        assertNotTheirs(() -> usage(u42, A), "u-0042 of vendor-a");
    }

    /** The answer as the service writes it (JSON-B's defaults, which leave out null properties). */
    private static String json(Object answer) {
        try (Jsonb jsonb = JsonbBuilder.create()) {
            return jsonb.toJson(answer);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ReportedRefusal refusal(String job) {
        return refusal(job, A);
    }

    private static ReportedRefusal refusal(String job, String dt) {
        return new ReportedRefusal(UUID.randomUUID(), JobId.of(job), DataTokenId.of(dt), null, "job-not-running",
                "the job is RUNNING, not AUTHORIZED", Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    private static Caller member(String organization) {
        return new Caller("subject", "user of " + organization, Optional.of(OrganizationAlias.of(organization)),
                Set.of(PlatformRole.DATA_PROVIDER, PlatformRole.ALGORITHM_PROVIDER));
    }

    /** An end user as the platform's CallerProducer makes one: acting for no organization. */
    private static Caller endUser(String organization, String id) {
        return new Caller("subject", id, Optional.empty(), Set.of(PlatformRole.END_USER),
                Optional.of(new Caller.EndUserOf(OrganizationAlias.of(organization), EndUserId.of(id))));
    }

    private io.datatoken.tracer.lineage.LineageView lineage(Caller caller, String dt, String direction, String depth) {
        LineageResource resource = new LineageResource();
        resource.caller = caller;
        resource.queries = new TransactionalLineageQueries(this::inTracerSchema);
        resource.edgeOps = new TransactionalEdgeOps(this::inTracerSchema);
        return resource.lineage(dt, direction, depth);
    }

    private io.datatoken.tracer.lineage.UsageView usage(Caller caller, String dt) {
        UsageResource resource = new UsageResource();
        resource.caller = caller;
        resource.queries = new TransactionalLineageQueries(this::inTracerSchema);
        resource.refusals = new TransactionalRefusals(this::inTracerSchema).log();
        return resource.usageOf(dt);
    }

    private static void assertNotTheirs(ThrowingCallable call, String endUser) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.problem().status()).isEqualTo(403);
            assertThat(e.problem().type()).endsWith("/not-yours");
            assertThat(e.problem().detail()).contains("end user " + endUser + "'s own",
                    "an end user reads the trace of their own data tokens only");
        });
    }

    private static void assertProblem(ThrowingCallable call, int status, String kind) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.problem().status()).isEqualTo(status);
            assertThat(e.problem().type()).endsWith("/" + kind);
        });
    }
}
