package io.datatoken.domain.market;

import static org.assertj.core.api.Assertions.assertThat;

import io.datatoken.domain.market.ExecutionRefusal.Reason;
import io.datatoken.domain.op.OpHash;
import io.datatoken.domain.organization.EndUserId;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.token.DataTokenId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExecutionRequestCheckTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final OrganizationAlias BANK_A = OrganizationAlias.of("bank-a");
    private static final OrganizationAlias FINTECH = OrganizationAlias.of("fintech-c");
    private static final JobId JOB = JobId.of(hex('1'));
    private static final DataTokenId DT = DataTokenId.of(hex('2'));
    private static final OpHash OP = OpHash.of(hex('3'));
    private static final Job RUNNING = new Job(JOB, TaskId.of(hex('4')), DataTokenId.of(hex('5')), FINTECH, JobState.RUNNING,
            NOW.minusSeconds(60), NOW.minusSeconds(10));

    private final ExecutionRequestCheck check = new ExecutionRequestCheck(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void a_fresh_request_signed_by_the_job_owner_for_this_nodes_asset_and_the_workflows_op_may_run() {
        assertThat(check.refusals(facts(request(NOW.plusSeconds(60))))).isEmpty();
    }

    @Test
    void each_broken_rule_is_named() {
        var all = new ExecutionFacts(request(NOW), Optional.of(BANK_A),
                Optional.of(new Job(JOB, RUNNING.task(), RUNNING.algorithm(), FINTECH, JobState.AUTHORIZED, NOW, NOW)),
                false, false, Optional.of(FINTECH), BANK_A, true, false, true, Optional.of(hex('9')));

        assertThat(check.refusals(all)).extracting(ExecutionRefusal::reason).containsExactly(Reason.EXPIRED,
                Reason.REPLAYED, Reason.WRONG_ORGANIZATION, Reason.JOB_NOT_RUNNING, Reason.NOT_PART_OF_JOB,
                Reason.NOT_THIS_NODES_ASSET, Reason.OP_NOT_USABLE, Reason.OP_NOT_IN_WORKFLOW);
        assertThat(check.refusals(all)).allSatisfy(r -> assertThat(r.detail()).isNotBlank());
    }

    @Test
    void an_unknown_job_or_signer_is_refused() {
        var noJob = new ExecutionFacts(request(NOW.plusSeconds(60)), Optional.of(FINTECH), Optional.empty(), true, true,
                Optional.of(BANK_A), BANK_A, false, true, true, Optional.of(OP.value()));
        var noSigner = new ExecutionFacts(request(NOW.plusSeconds(60)), Optional.empty(), Optional.of(RUNNING), true, true,
                Optional.of(BANK_A), BANK_A, false, true, true, Optional.of(OP.value()));

        assertThat(check.refusals(noJob)).extracting(ExecutionRefusal::reason).containsExactly(Reason.UNKNOWN_JOB);
        assertThat(check.refusals(noSigner)).extracting(ExecutionRefusal::reason).containsExactly(Reason.UNKNOWN_SIGNER);
    }

    @Test
    void a_running_job_whose_authorization_was_revoked_runs_nothing() {
        var revoked = new ExecutionFacts(request(NOW.plusSeconds(60)), Optional.of(FINTECH), Optional.of(RUNNING), true,
                false, Optional.of(BANK_A), BANK_A, false, true, true, Optional.of(OP.value()));

        assertThat(check.refusals(revoked)).extracting(ExecutionRefusal::reason).containsExactly(Reason.NOT_AUTHORIZED);
        assertThat(check.refusals(revoked).getFirst().detail()).contains("revoked");
    }

    @Test
    void a_request_valid_for_longer_than_the_maximum_is_refused() {
        assertThat(check.refusals(facts(request(NOW.plus(ExecutionRequestCheck.MAX_LIFETIME))))).isEmpty();
        assertThat(check.refusals(facts(request(NOW.plus(ExecutionRequestCheck.MAX_LIFETIME).plusSeconds(1)))))
                .extracting(ExecutionRefusal::reason).containsExactly(Reason.LIVES_TOO_LONG);
    }

    @Test
    void an_op_whose_stored_code_is_not_the_registered_code_is_refused() {
        assertThat(check.refusals(facts(request(NOW.plusSeconds(60)), false))).extracting(ExecutionRefusal::reason)
                .containsExactly(Reason.OP_CODE_MISMATCH);
    }

    @Test
    void a_request_is_void_from_its_expiry_on() {
        assertThat(check.refusals(facts(request(NOW)))).extracting(ExecutionRefusal::reason).containsExactly(Reason.EXPIRED);
        assertThat(check.refusals(facts(request(NOW.plusSeconds(1))))).isEmpty();
    }

    @Test
    void an_end_users_data_runs_on_their_own_device_node_only() {
        EndUserId u1 = EndUserId.of("u1");
        EndUserId u2 = EndUserId.of("u2");

        assertThat(check.refusals(endUserFacts(Optional.of(u1), Optional.of(u1)))).isEmpty();
        assertThat(check.refusals(endUserFacts(Optional.of(u1), Optional.empty()))).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(Reason.NOT_THIS_NODES_ASSET);
            assertThat(r.detail()).contains("end user u1's own data", "device node");
        });
        assertThat(check.refusals(endUserFacts(Optional.of(u1), Optional.of(u2)))).singleElement().satisfies(r ->
                assertThat(r.detail()).contains("u1's own data", "end user u2's device"));
        assertThat(check.refusals(endUserFacts(Optional.empty(), Optional.of(u2)))).singleElement().satisfies(r ->
                assertThat(r.detail()).contains("'bank-a''s own, not an end user's"));
    }

    private static ExecutionFacts endUserFacts(Optional<EndUserId> dtEndUser, Optional<EndUserId> nodeEndUser) {
        return new ExecutionFacts(request(NOW.plusSeconds(60)), Optional.of(FINTECH), Optional.of(RUNNING), true, true,
                Optional.of(BANK_A), BANK_A, false, true, true, Optional.of(OP.value()), dtEndUser, nodeEndUser);
    }

    private static ExecutionFacts facts(SignedExecutionRequest request) {
        return facts(request, true);
    }

    private static ExecutionFacts facts(SignedExecutionRequest request, boolean opCodeMatches) {
        return new ExecutionFacts(request, Optional.of(FINTECH), Optional.of(RUNNING), true, true, Optional.of(BANK_A), BANK_A,
                false, true, opCodeMatches, Optional.of(OP.value()));
    }

    private static SignedExecutionRequest request(Instant expiresAt) {
        return new SignedExecutionRequest(new ExecutionRequest(JOB, DT, OP, hex('6'), expiresAt), "0x" + "a".repeat(130));
    }

    private static String hex(char c) {
        return "0x" + String.valueOf(c).repeat(64);
    }
}
