package io.datatoken.tracer.refusals;

import static io.datatoken.tracer.refusals.ReportingRightsContract.randomDt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datatoken.domain.organization.EndUserId;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.token.DataTokenId;
import io.datatoken.tracer.TracerSchemaTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A node's refusal reaches the tracer's table once, and only from an account of the DT's owner or, for
 * an end user's own DT, from that user's device; the refusal log lists a DT's and an organization's. On a
 * real PostgreSQL, with the chain's answers faked.
 */
class RefusalIntakeTest extends TracerSchemaTest {

    private static final OrganizationAlias BANK_A = OrganizationAlias.of("bank-a");
    private static final OrganizationAlias BANK_B = OrganizationAlias.of("bank-b");
    private static final OrganizationAlias BANK_S = OrganizationAlias.of("bank-s");
    private static final EndUserId U1 = EndUserId.of("u1");
    private static final EndUserId U2 = EndUserId.of("u2");

    private NodeKey nodeOfA;
    private NodeKey otherNodeOfA;
    private NodeKey nodeOfB;
    private NodeKey nodeOfS;
    private DataTokenId dtOfA;
    private DataTokenId dtOfS;
    /** Device nodes: each holds its end user's key. */
    private NodeKey deviceOfU1;
    private NodeKey deviceOfU2;
    private NodeKey deviceOfU1OfB;
    private NodeKey deviceOfU1OfS;
    private DataTokenId dtOfU1;
    private DataTokenId dtOfU2;
    private DataTokenId dtOfU1OfS;
    private InMemoryReportingRights rights;
    private RefusalIntake intake;
    private RefusalLog log;

    /** Fresh keys and DTs per test: the database is the class's (one PostgreSQL for all its tests). */
    @BeforeEach
    void bankAsNodesAndData() {
        nodeOfA = NodeKey.generate();
        otherNodeOfA = NodeKey.generate();
        nodeOfB = NodeKey.generate();
        nodeOfS = NodeKey.generate();
        dtOfA = randomDt();
        dtOfS = randomDt();
        deviceOfU1 = NodeKey.generate();
        deviceOfU2 = NodeKey.generate();
        deviceOfU1OfB = NodeKey.generate();
        deviceOfU1OfS = NodeKey.generate();
        dtOfU1 = randomDt();
        dtOfU2 = randomDt();
        dtOfU1OfS = randomDt();
        rights = new InMemoryReportingRights()
                .account(nodeOfA.address(), BANK_A).account(otherNodeOfA.address(), BANK_A).owns(BANK_A, dtOfA)
                .endUser(deviceOfU1.address(), BANK_A, U1).owns(BANK_A, U1, dtOfU1)
                .endUser(deviceOfU2.address(), BANK_A, U2).owns(BANK_A, U2, dtOfU2)
                .account(nodeOfB.address(), BANK_B).endUser(deviceOfU1OfB.address(), BANK_B, U1)
                .account(nodeOfS.address(), BANK_S).owns(BANK_S, dtOfS)
                .endUser(deviceOfU1OfS.address(), BANK_S, U1).owns(BANK_S, U1, dtOfU1OfS).suspend(BANK_S);
        TransactionalRefusals refusals = new TransactionalRefusals(this::inTracerSchema);
        intake = refusals.intake(rights);
        log = refusals.log();
    }

    @Test
    void a_refusal_signed_by_the_owners_node_is_kept_with_its_organization_and_signer() {
        ReportedRefusal refusal = NodeKey.refusalOf(dtOfA);

        RefusalIntake.Taken taken = intake.take(refusal, nodeOfA.sign(refusal));

        assertThat(taken.kept()).isEqualTo(RefusalStore.Kept.NEW);
        assertThat(taken.organization()).isEqualTo(BANK_A);
        assertThat(log.ofDataToken(dtOfA.value())).singleElement().satisfies(view -> {
            assertThat(view.id()).isEqualTo(refusal.id().toString());
            assertThat(view.organization()).isEqualTo("bank-a");
            assertThat(view.signer()).isEqualTo(nodeOfA.address().value()).isLowerCase();
            assertThat(view.job()).isEqualTo(refusal.job().value());
            assertThat(view.dt()).isEqualTo(dtOfA.value());
            assertThat(view.op()).isEqualTo(refusal.op().value());
            assertThat(view.code()).isEqualTo("job-not-running");
            assertThat(view.detail()).isEqualTo("the job is SUBMITTED, not RUNNING");
            assertThat(view.refusedAt()).isEqualTo(refusal.refusedAt());
            assertThat(view.receivedAt()).isAfterOrEqualTo(refusal.refusedAt());
        });
    }

    @Test
    void a_refusal_without_job_or_op_is_kept_too() {
        ReportedRefusal refusal = new ReportedRefusal(UUID.randomUUID(), null, dtOfA, null, "unknown-asset",
                "no asset is registered", Instant.now().truncatedTo(ChronoUnit.MICROS));

        assertThat(intake.take(refusal, nodeOfA.sign(refusal)).kept()).isEqualTo(RefusalStore.Kept.NEW);
        assertThat(log.ofDataToken(dtOfA.value())).singleElement().satisfies(view -> {
            assertThat(view.job()).isNull();
            assertThat(view.op()).isNull();
        });
    }

    @Test
    void the_same_refusal_again_is_kept_once_whichever_account_of_the_owner_signs_it() {
        ReportedRefusal refusal = NodeKey.refusalOf(dtOfA);
        intake.take(refusal, nodeOfA.sign(refusal));

        assertThat(intake.take(refusal, nodeOfA.sign(refusal)).kept()).isEqualTo(RefusalStore.Kept.SAME);
        assertThat(intake.take(refusal, otherNodeOfA.sign(refusal)).kept()).isEqualTo(RefusalStore.Kept.SAME);
        assertThat(log.ofDataToken(dtOfA.value())).hasSize(1);
    }

    @Test
    void another_refusal_under_the_same_id_conflicts_and_the_first_stays() {
        ReportedRefusal first = NodeKey.refusalOf(dtOfA);
        intake.take(first, nodeOfA.sign(first));
        ReportedRefusal changed = new ReportedRefusal(first.id(), first.job(), first.dt(), first.op(), first.code(),
                "another detail", first.refusedAt());

        assertThat(intake.take(changed, nodeOfA.sign(changed)).kept()).isEqualTo(RefusalStore.Kept.CONFLICTING);
        assertThat(log.ofDataToken(dtOfA.value())).singleElement()
                .satisfies(view -> assertThat(view.detail()).isEqualTo(first.detail()));
    }

    @Test
    void a_signer_that_is_not_an_account_of_the_dts_owner_is_not_allowed() {
        ReportedRefusal refusal = NodeKey.refusalOf(dtOfA);

        assertRejected(() -> intake.take(refusal, nodeOfB.sign(refusal)), RefusalRejected.Kind.NOT_ALLOWED,
                "not-the-owner", "belongs to 'bank-a'");
        assertRejected(() -> intake.take(refusal, NodeKey.generate().sign(refusal)), RefusalRejected.Kind.NOT_ALLOWED,
                "not-an-account", "is no organization's account");
        assertThat(log.ofDataToken(dtOfA.value())).isEmpty();
    }

    @Test
    void a_device_nodes_refusal_of_its_own_users_dt_is_kept_for_the_users_organization_with_the_users_account() {
        ReportedRefusal refusal = NodeKey.refusalOf(dtOfU1);

        RefusalIntake.Taken taken = intake.take(refusal, deviceOfU1.sign(refusal));

        assertThat(taken.kept()).isEqualTo(RefusalStore.Kept.NEW);
        assertThat(taken.organization()).isEqualTo(BANK_A);
        assertThat(taken.endUser()).contains(U1);
        assertThat(log.ofDataToken(dtOfU1.value())).singleElement().satisfies(view -> {
            assertThat(view.id()).isEqualTo(refusal.id().toString());
            assertThat(view.organization()).isEqualTo("bank-a");
            assertThat(view.signer()).isEqualTo(deviceOfU1.address().value());
        });
        assertThat(intake.take(refusal, deviceOfU1.sign(refusal)).kept()).isEqualTo(RefusalStore.Kept.SAME);
    }

    @Test
    void a_device_node_reports_its_own_users_dts_only() {
        ReportedRefusal ofOrganization = NodeKey.refusalOf(dtOfA);
        ReportedRefusal ofOtherUser = NodeKey.refusalOf(dtOfU2);
        ReportedRefusal ofNamesake = NodeKey.refusalOf(dtOfU1);

        assertRejected(() -> intake.take(ofOrganization, deviceOfU1.sign(ofOrganization)),
                RefusalRejected.Kind.NOT_ALLOWED, "not-the-owner",
                "belongs to 'bank-a', but the refusal is signed by " + deviceOfU1.address()
                        + ", the device node of end user 'u1' of 'bank-a': a device node reports refusals of its own "
                        + "user's tokens only");
        assertRejected(() -> intake.take(ofOtherUser, deviceOfU1.sign(ofOtherUser)), RefusalRejected.Kind.NOT_ALLOWED,
                "not-the-owner", "belongs to end user 'u2' of 'bank-a'");
        assertRejected(() -> intake.take(ofNamesake, deviceOfU1OfB.sign(ofNamesake)),
                RefusalRejected.Kind.NOT_ALLOWED, "not-the-owner", "end user 'u1' of 'bank-b'");
        assertThat(log.ofDataToken(dtOfA.value())).isEmpty();
        assertThat(log.ofDataToken(dtOfU2.value())).isEmpty();
        assertThat(log.ofDataToken(dtOfU1.value())).isEmpty();
    }

    @Test
    void a_removed_end_users_device_or_one_of_a_suspended_organization_is_not_allowed() {
        ReportedRefusal ofRemoved = NodeKey.refusalOf(dtOfU1);
        ReportedRefusal ofSuspended = NodeKey.refusalOf(dtOfU1OfS);
        rights.removeEndUser(deviceOfU1.address());

        assertRejected(() -> intake.take(ofRemoved, deviceOfU1.sign(ofRemoved)), RefusalRejected.Kind.NOT_ALLOWED,
                "not-an-account", "no end user's");
        assertRejected(() -> intake.take(ofSuspended, deviceOfU1OfS.sign(ofSuspended)),
                RefusalRejected.Kind.NOT_ALLOWED, "organization-not-active", "'bank-s' is suspended");
        assertThat(log.ofDataToken(dtOfU1.value())).isEmpty();
        assertThat(log.ofDataToken(dtOfU1OfS.value())).isEmpty();
    }

    @Test
    void an_organizations_node_reports_its_end_users_dts_too_and_no_other_organizations_node_does() {
        ReportedRefusal refusal = NodeKey.refusalOf(dtOfU1);

        RefusalIntake.Taken taken = intake.take(refusal, nodeOfA.sign(refusal));
        assertRejected(() -> intake.take(refusal, nodeOfB.sign(refusal)), RefusalRejected.Kind.NOT_ALLOWED,
                "not-the-owner", "belongs to end user 'u1' of 'bank-a'");

        assertThat(taken.kept()).isEqualTo(RefusalStore.Kept.NEW);
        assertThat(taken.organization()).isEqualTo(BANK_A);
        assertThat(taken.endUser()).isEmpty();
        assertThat(log.ofDataToken(dtOfU1.value())).singleElement()
                .satisfies(view -> assertThat(view.signer()).isEqualTo(nodeOfA.address().value()));
    }

    @Test
    void a_signature_over_other_content_names_another_signer_and_is_not_allowed() {
        ReportedRefusal signed = NodeKey.refusalOf(dtOfA);
        ReportedRefusal forged = new ReportedRefusal(signed.id(), signed.job(), signed.dt(), signed.op(), "replayed",
                signed.detail(), signed.refusedAt());

        assertRejected(() -> intake.take(forged, nodeOfA.sign(signed)), RefusalRejected.Kind.NOT_ALLOWED,
                "not-an-account", "");
        assertThat(log.ofDataToken(dtOfA.value())).isEmpty();
    }

    @Test
    void a_suspended_owner_or_an_unregistered_dt_is_not_allowed() {
        ReportedRefusal ofSuspended = NodeKey.refusalOf(dtOfS);
        ReportedRefusal ofNothing = NodeKey.refusalOf(randomDt());

        assertRejected(() -> intake.take(ofSuspended, nodeOfS.sign(ofSuspended)), RefusalRejected.Kind.NOT_ALLOWED,
                "organization-not-active", "suspended");
        assertRejected(() -> intake.take(ofNothing, nodeOfA.sign(ofNothing)), RefusalRejected.Kind.NOT_ALLOWED,
                "unknown-asset", "is registered on chain");
    }

    @Test
    void an_unreadable_signature_or_a_refusal_from_the_future_is_malformed() {
        ReportedRefusal refusal = NodeKey.refusalOf(dtOfA);
        ReportedRefusal ahead = new ReportedRefusal(UUID.randomUUID(), null, dtOfA, null, "replayed", "d",
                Instant.now().plusSeconds(3600).truncatedTo(ChronoUnit.MICROS));

        assertRejected(() -> intake.take(refusal, "0x1234"), RefusalRejected.Kind.MALFORMED, "bad-signature",
                "65 bytes");
        assertRejected(() -> intake.take(refusal, "not hex"), RefusalRejected.Kind.MALFORMED, "bad-signature", "");
        assertRejected(() -> intake.take(refusal, null), RefusalRejected.Kind.MALFORMED, "bad-signature", "absent");
        assertRejected(() -> intake.take(ahead, nodeOfA.sign(ahead)), RefusalRejected.Kind.MALFORMED,
                "refused-in-the-future", "ahead of the tracer's clock");
    }

    @Test
    void a_dts_refusals_are_listed_in_the_order_they_were_refused() {
        Instant t0 = Instant.now().minusSeconds(600).truncatedTo(ChronoUnit.MICROS);
        ReportedRefusal later = refusedAt(dtOfA, t0.plusSeconds(2));
        ReportedRefusal earlier = refusedAt(dtOfA, t0);
        intake.take(later, nodeOfA.sign(later));
        intake.take(earlier, nodeOfA.sign(earlier));

        assertThat(log.ofDataToken(dtOfA.value())).extracting(RefusalView::id)
                .containsExactly(earlier.id().toString(), later.id().toString());
    }

    @Test
    void an_organizations_latest_refusals_come_newest_first_a_page_at_a_time() {
        String organization = "org-" + UUID.randomUUID().toString().substring(0, 8);
        NodeKey node = NodeKey.generate();
        DataTokenId dt = randomDt();
        rights.account(node.address(), OrganizationAlias.of(organization)).owns(OrganizationAlias.of(organization), dt);
        Instant t0 = Instant.now().minusSeconds(600).truncatedTo(ChronoUnit.MICROS);
        List<ReportedRefusal> refusals = List.of(refusedAt(dt, t0), refusedAt(dt, t0.plusSeconds(1)),
                refusedAt(dt, t0.plusSeconds(2)));
        refusals.forEach(r -> intake.take(r, node.sign(r)));

        List<RefusalView> page = log.ofOrganization(organization, 2, null);
        assertThat(page).extracting(RefusalView::id)
                .containsExactly(refusals.get(2).id().toString(), refusals.get(1).id().toString());
        assertThat(log.ofOrganization(organization, 2, page.getLast().refusedAt())).extracting(RefusalView::id)
                .containsExactly(refusals.get(0).id().toString());
        assertThat(log.ofOrganization("bank-b", 10, null)).isEmpty();
        assertThatThrownBy(() -> log.ofOrganization(organization, 0, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static ReportedRefusal refusedAt(DataTokenId dt, Instant at) {
        return new ReportedRefusal(UUID.randomUUID(), null, dt, null, "replayed", "nonce used before", at);
    }

    private static void assertRejected(org.assertj.core.api.ThrowableAssert.ThrowingCallable call,
                                       RefusalRejected.Kind kind, String type, String saying) {
        assertThatThrownBy(call).isInstanceOfSatisfying(RefusalRejected.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.type()).isEqualTo(type);
            assertThat(e.getMessage()).contains(saying);
        });
    }
}
