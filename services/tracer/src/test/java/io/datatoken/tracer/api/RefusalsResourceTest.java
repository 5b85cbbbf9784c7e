package io.datatoken.tracer.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.organization.PlatformRole;
import io.datatoken.domain.token.DataTokenId;
import io.datatoken.support.security.Caller;
import io.datatoken.support.web.ProblemException;
import io.datatoken.tracer.TracerSchemaTest;
import io.datatoken.tracer.refusals.InMemoryReportingRights;
import io.datatoken.tracer.refusals.NodeKey;
import io.datatoken.tracer.refusals.RefusalView;
import io.datatoken.tracer.refusals.ReportedRefusal;
import io.datatoken.tracer.refusals.TransactionalRefusals;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POST /v1/refusals (a node's signed report, no token) and GET /v1/refusals?dt= (who reads what). */
class RefusalsResourceTest extends TracerSchemaTest {

    private static final OrganizationAlias BANK_A = OrganizationAlias.of("bank-a");
    private static final OrganizationAlias BANK_B = OrganizationAlias.of("bank-b");

    private NodeKey nodeOfA;
    private NodeKey nodeOfB;
    private DataTokenId dtOfA;
    private RefusalsResource resource;

    /** Fresh keys and DTs per test: the database is the class's (one PostgreSQL for all its tests). */
    @BeforeEach
    void wired() {
        nodeOfA = NodeKey.generate();
        nodeOfB = NodeKey.generate();
        dtOfA = randomDt();
        TransactionalRefusals refusals = new TransactionalRefusals(this::inTracerSchema);
        resource = new RefusalsResource();
        resource.intake = refusals.intake(new InMemoryReportingRights()
                .account(nodeOfA.address(), BANK_A).owns(BANK_A, dtOfA).account(nodeOfB.address(), BANK_B));
        resource.log = refusals.log();
    }

    @Test
    void a_new_refusal_is_201_the_same_again_200_and_both_answer_the_kept_refusal() {
        ReportedRefusal refusal = NodeKey.refusalOf(dtOfA);
        RefusalsResource.RefusalBody body = body(refusal, nodeOfA.sign(refusal));

        RefusalsResource.Reported created = resource.take(body);
        RefusalsResource.Reported again = resource.take(body);

        assertThat(created.status().getStatusCode()).isEqualTo(201);
        assertThat(again.status().getStatusCode()).isEqualTo(200);
        assertThat(created.refusal()).isEqualTo(again.refusal()).satisfies(view -> {
            assertThat(view.id()).isEqualTo(refusal.id().toString());
            assertThat(view.organization()).isEqualTo("bank-a");
            assertThat(view.signer()).isEqualTo(nodeOfA.address().value());
        });
    }

    @Test
    void ids_and_hex_are_taken_in_either_case_and_an_absent_job_or_op_may_be_empty() {
        ReportedRefusal refusal = new ReportedRefusal(UUID.randomUUID(), null, dtOfA, null, "replayed", "d",
                NodeKey.refusalOf(dtOfA).refusedAt());
        RefusalsResource.RefusalBody body = new RefusalsResource.RefusalBody(refusal.id().toString().toUpperCase(), "",
                dtOfA.value().toUpperCase().replace("0X", "0x"), null, "replayed", "d", refusal.refusedAt().toString(),
                nodeOfA.sign(refusal));

        assertThat(resource.take(body).status().getStatusCode()).isEqualTo(201);
    }

    @Test
    void another_refusal_under_a_kept_id_is_409() {
        ReportedRefusal refusal = NodeKey.refusalOf(dtOfA);
        resource.take(body(refusal, nodeOfA.sign(refusal)));
        ReportedRefusal changed = new ReportedRefusal(refusal.id(), refusal.job(), refusal.dt(), refusal.op(),
                "replayed", refusal.detail(), refusal.refusedAt());

        assertProblem(() -> resource.take(body(changed, nodeOfA.sign(changed))), 409, "refusal-conflict",
                "under a new id");
    }

    @Test
    void a_signer_of_another_organization_or_of_none_is_403() {
        ReportedRefusal refusal = NodeKey.refusalOf(dtOfA);

        assertProblem(() -> resource.take(body(refusal, nodeOfB.sign(refusal))), 403, "not-the-owner",
                "belongs to 'bank-a'");
        assertProblem(() -> resource.take(body(refusal, NodeKey.generate().sign(refusal))), 403, "not-an-account",
                "no organization's account");
        assertThat(resource.ofDataToken(regulator(), dtOfA.value())).isEmpty();
    }

    @Test
    void a_malformed_report_is_400_naming_the_field_and_its_form() {
        ReportedRefusal refusal = NodeKey.refusalOf(dtOfA);
        String signature = nodeOfA.sign(refusal);
        RefusalsResource.RefusalBody good = body(refusal, signature);

        assertProblem(() -> resource.take(null), 400, "malformed-refusal",
                "{id, job, dt, op, code, detail, refusedAt, signature}");
        assertMalformed(good, b -> with(b, "id", "42"), "'id' must be the node's UUID");
        assertMalformed(good, b -> with(b, "dt", null), "'dt' must be 0x followed by 64 hex digits, not absent");
        assertMalformed(good, b -> with(b, "job", "0x12"),
                "'job' must be 0x followed by 64 hex digits, or absent, not '0x12'");
        assertMalformed(good, b -> with(b, "op", "sum"), "'op' must be 0x followed by 64 hex digits, or absent");
        assertMalformed(good, b -> with(b, "code", "Not Running"), "'code' must be one or more refusal codes");
        assertMalformed(good, b -> with(b, "detail", null), "'detail' must be the node's words");
        assertMalformed(good, b -> with(b, "refusedAt", "yesterday"), "'refusedAt' must be an ISO-8601 instant");
        assertProblem(() -> resource.take(with(good, "signature", "0xabcd")), 400, "bad-signature",
                "EIP-191 signature");
    }

    @Test
    void the_owners_members_a_regulator_and_an_admin_read_a_dts_refusals_other_organizations_none() {
        ReportedRefusal refusal = NodeKey.refusalOf(dtOfA);
        resource.take(body(refusal, nodeOfA.sign(refusal)));

        assertThat(resource.ofDataToken(member(BANK_A), dtOfA.value())).extracting(RefusalView::id)
                .containsExactly(refusal.id().toString());
        assertThat(resource.ofDataToken(regulator(), dtOfA.value())).hasSize(1);
        assertThat(resource.ofDataToken(new Caller("a", "admin", Optional.empty(), Set.of(PlatformRole.ADMIN)),
                dtOfA.value())).hasSize(1);
        assertThat(resource.ofDataToken(member(BANK_B), dtOfA.value())).isEmpty();
        assertProblem(() -> resource.ofDataToken(new Caller("n", "nobody", Optional.empty(),
                Set.of(PlatformRole.DATA_USER)), dtOfA.value()), 403, "organization-required", "no organization");
        assertProblem(() -> resource.ofDataToken(regulator(), "0x12"), 400, "malformed-dt", "64 hex digits");
    }

    private static RefusalsResource.RefusalBody body(ReportedRefusal r, String signature) {
        return new RefusalsResource.RefusalBody(r.id().toString(), r.job() == null ? null : r.job().value(),
                r.dt().value(), r.op() == null ? null : r.op().value(), r.code(), r.detail(), r.refusedAt().toString(),
                signature);
    }

    private static RefusalsResource.RefusalBody with(RefusalsResource.RefusalBody b, String field, String value) {
        return new RefusalsResource.RefusalBody(field.equals("id") ? value : b.id(),
                field.equals("job") ? value : b.job(), field.equals("dt") ? value : b.dt(),
                field.equals("op") ? value : b.op(),
                field.equals("code") ? value : b.code(), field.equals("detail") ? value : b.detail(),
                field.equals("refusedAt") ? value : b.refusedAt(), field.equals("signature") ? value : b.signature());
    }

    private void assertMalformed(RefusalsResource.RefusalBody good, UnaryOperator<RefusalsResource.RefusalBody> change,
                                 String saying) {
        assertProblem(() -> resource.take(change.apply(good)), 400, "malformed-refusal", saying);
    }

    private static Caller member(OrganizationAlias organization) {
        return new Caller("s", "user of " + organization, Optional.of(organization),
                Set.of(PlatformRole.DATA_PROVIDER));
    }

    private static Caller regulator() {
        return new Caller("r", "regulator", Optional.empty(), Set.of(PlatformRole.REGULATOR));
    }

    private static DataTokenId randomDt() {
        byte[] id = new byte[32];
        new SecureRandom().nextBytes(id);
        return DataTokenId.of("0x" + HexFormat.of().formatHex(id));
    }

    private static void assertProblem(ThrowingCallable call, int status, String kind, String saying) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.problem().status()).isEqualTo(status);
            assertThat(e.problem().type()).endsWith("/" + kind);
            assertThat(e.problem().detail()).contains(saying);
        });
    }
}
