package io.datatoken.tracer.api;

import static io.datatoken.tracer.LedgerHistory.account;
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
import io.datatoken.tracer.audit.AuditEntry;
import io.datatoken.tracer.audit.AuditPage;
import io.datatoken.tracer.audit.TransactionalAuditLog;
import java.util.Optional;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GET /v1/audit: who reads which organization's audit, its parameters, and its CSV. */
class AuditResourceTest extends TracerSchemaTest {

    private static final String BANK = account("bank-a's account");
    private static final String ALGO = account("algo-c's account");
    private static final String A = id("A");
    private static final String B = id("B");

    @BeforeAll
    void twoOrganizationsAndTheirAssets() {
        emptyIndex();
        LedgerHistory history = new LedgerHistory();
        history.block(history.organizationRegistered("bank-a", BANK), history.organizationRegistered("algo-c", ALGO));
        history.block(history.registered(A, "bank-a", AssetKind.DATA).by(BANK));
        history.block(history.registered(B, "algo-c", AssetKind.ALGORITHM).by(ALGO));
        history.block(history.taskCreated(id("task"), "algo-c").by(ALGO));
        history.block(history.taskCreated(id("another task"), "algo-c").by(ALGO));
        index(history.chain);
    }

    @Test
    void members_read_their_own_organizations_audit_by_default() {
        assertThat(page(member("bank-a"), null, null, null).entries()).extracting(AuditEntry::event)
                .containsExactly("TokenRegistered", "OrganizationRegistered");
        assertThat(page(member("bank-a"), "bank-a", null, null).entries()).hasSize(2);
    }

    @Test
    void members_may_not_read_another_organizations_audit() {
        assertProblem(() -> page(member("bank-a"), "algo-c", null, null), 403, "not-yours");
        assertProblem(() -> page(new Caller("s", "nobody", Optional.empty(), Set.of(PlatformRole.DATA_USER)), null,
                null, null), 403, "organization-required");
    }

    @Test
    void a_regulator_reads_every_organizations_audit_or_one_of_them() {
        Caller regulator = new Caller("r", "rita", Optional.empty(), Set.of(PlatformRole.REGULATOR));

        assertThat(page(regulator, null, null, null).entries()).hasSize(6);
        assertThat(page(regulator, "algo-c", null, null).entries()).extracting(AuditEntry::event)
                .containsExactly("TaskCreated", "TaskCreated", "TokenRegistered", "OrganizationRegistered");
        assertThat(page(regulator, null, null, "2").next()).isNotNull();
    }

    @Test
    void a_malformed_filter_is_a_400_naming_it() {
        Caller regulator = new Caller("r", "rita", Optional.empty(), Set.of(PlatformRole.REGULATOR));
        AuditResource resource = resource(regulator);

        assertProblem(() -> page(regulator, "Bank A", null, null), 400, "malformed-org");
        assertProblem(() -> page(regulator, null, "sometime", null), 400, "malformed-since");
        assertProblem(() -> page(regulator, null, null, "0"), 400, "malformed-limit");
        assertProblem(() -> page(regulator, null, null, "1001"), 400, "malformed-limit");
        assertProblem(() -> resource.page(null, "0x12", null, null, null, null, null, null), 400, "malformed-dt");
        assertProblem(() -> resource.page(null, null, "bob", null, null, null, null, null), 400, "malformed-account");
        assertProblem(() -> resource.page(null, null, null, "granted; drop", null, null, null, null), 400,
                "malformed-event");
        assertProblem(() -> resource.page(null, null, null, null, null, null, "yesterday", null), 400, "malformed-before");
        assertProblem(() -> resource.page(null, null, null, null, "2027-01-02T00:00:00Z", "2027-01-01T00:00:00Z",
                null, null), 400, "empty-range");
    }

    @Test
    void the_csv_has_a_row_per_event_and_organization_concerned() {
        Caller regulator = new Caller("r", "rita", Optional.empty(), Set.of(PlatformRole.REGULATOR));
        String csv = AuditCsv.of(resource(regulator).page("algo-c", null, null, "TaskCreated", null, null, null, null)
                .entries());

        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).isEqualTo(AuditCsv.HEADER);
        // two tasks, each concerning algo-c as ACTOR and OWNER
        assertThat(lines).hasSize(5);
        assertThat(csv).contains(",algo-c,ACTOR,", ",algo-c,OWNER,", "description=task 0x");
    }

    private static Caller member(String organization) {
        return new Caller("subject", "user of " + organization, Optional.of(OrganizationAlias.of(organization)),
                Set.of(PlatformRole.DATA_PROVIDER));
    }

    private AuditResource resource(Caller caller) {
        AuditResource resource = new AuditResource();
        resource.caller = caller;
        resource.audit = new TransactionalAuditLog(this::inTracerSchema);
        return resource;
    }

    private AuditPage page(Caller caller, String org, String since, String limit) {
        return resource(caller).page(org, null, null, null, since, null, null, limit);
    }

    private static void assertProblem(ThrowingCallable call, int status, String kind) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.problem().status()).isEqualTo(status);
            assertThat(e.problem().type()).endsWith("/" + kind);
        });
    }
}
