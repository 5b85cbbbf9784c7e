package io.datatoken.job.orchestration;

import static io.datatoken.job.orchestration.Compositions.BANK_A;
import static io.datatoken.job.orchestration.Compositions.BANK_B;
import static io.datatoken.job.orchestration.Compositions.FINTECH_C;
import static io.datatoken.job.orchestration.Compositions.SHARE;
import static io.datatoken.job.orchestration.Compositions.TRAIN;
import static io.datatoken.job.orchestration.PartyState.ACCEPTED;
import static io.datatoken.job.orchestration.PartyState.DISPATCHING;
import static io.datatoken.job.orchestration.PartyState.DONE;
import static io.datatoken.job.orchestration.PartyState.REFUSED;
import static io.datatoken.job.orchestration.PartyState.UNREACHABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.datatoken.domain.asset.AssetKind;
import io.datatoken.domain.market.JobId;
import io.datatoken.domain.market.JobState;
import io.datatoken.domain.organization.LedgerRefusal;
import io.datatoken.domain.organization.LedgerUnavailable;
import io.datatoken.domain.token.DataTokenId;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The orchestration of a started job over its ports: parties found by the real discovery over the
 * chain's and content store's fakes, the party book's fake (both contract-tested), and stubs of the
 * compute nodes and of the task market whose answers each test scripts.
 */
class OrchestrationTest {

    private static final JobId JOB = JobId.of("0x" + "5".repeat(64));
    private static final URI NODE_A = URI.create("http://localhost:9181/compute/api");
    private static final URI NODE_B = URI.create("http://localhost:9182/compute/api");
    private static final URI NODE_C = URI.create("http://localhost:9183/compute/api");
    private static final NodeAnswer ACCEPT = new NodeAnswer.Accepted();

    private final Compositions world = new Compositions();
    private final ScriptedNodes nodes = new ScriptedNodes();
    private final InMemoryPartyBook book = new InMemoryPartyBook();
    private final Orchestration orchestration = new Orchestration();
    private DataTokenId aData;
    private DataTokenId bData;
    private DataTokenId algorithm;
    private ScriptedJobs jobs;

    @BeforeEach
    void wire() {
        aData = world.data('a', BANK_A, NODE_A.toString());
        bData = world.data('b', BANK_B, NODE_B.toString());
        algorithm = world.composed('f', AssetKind.ALGORITHM, FINTECH_C, null, Map.of(aData, SHARE, bData, SHARE));
        jobs = new ScriptedJobs(JOB, algorithm, FINTECH_C);
        orchestration.discovery = world.discovery();
        orchestration.nodes = nodes;
        orchestration.jobs = jobs;
        orchestration.book = book;
        orchestration.requestLifetime = Duration.ofMinutes(10);
        orchestration.attempts = 5;
        orchestration.completionTimeout = Duration.ofSeconds(30);
        orchestration.retries = new Backoff(Duration.ofMillis(1), Duration.ofMillis(4));
        orchestration.polls = new Backoff(Duration.ofMillis(1), Duration.ofMillis(10));
        orchestration.open();
    }

    @AfterEach
    void stop() {
        orchestration.close();
    }

    @Test
    void every_party_is_asked_and_the_job_succeeds_once_every_receipt_is_on_chain() {
        nodes.answer(NODE_A, ACCEPT).answer(NODE_B, ACCEPT);

        orchestration.begin(JOB);

        eventually().untilAsserted(() -> assertThat(states()).containsExactly(ACCEPTED, ACCEPTED));
        assertThat(nodes.submissions).extracting(s -> s.node(), s -> s.request().request().dt(),
                s -> s.request().request().op(), s -> s.request().request().job())
                .containsExactlyInAnyOrder(tuple(NODE_A, aData, SHARE, JOB), tuple(NODE_B, bData, SHARE, JOB));
        jobs.receipt(aData, SHARE, BANK_A);
        eventually().untilAsserted(() -> assertThat(states()).containsExactly(DONE, ACCEPTED));
        assertThat(jobs.finishes).as("not before every receipt").isEmpty();

        jobs.receipt(bData, SHARE, BANK_B);

        eventually().untilAsserted(() -> assertThat(jobs.finishes).containsExactly(true));
        assertThat(states()).containsExactly(DONE, DONE);
        assertThat(book.find(JOB).orElseThrow().detail()).startsWith("ended as SUCCEEDED");
        assertThat(orchestration.progress(JOB).orElseThrow().parties())
                .allSatisfy(p -> assertThat(p.receipt()).isPresent())
                .extracting(Orchestration.PartyProgress::state).containsExactly(DONE, DONE);
        assertEndedOnceOnly();
    }

    @Test
    void a_node_that_cannot_be_reached_is_asked_again_with_a_fresh_request_until_it_accepts() {
        nodes.answer(NODE_A, new NodeAnswer.Unavailable("503 starting"), new NodeAnswer.Unavailable("timed out"), ACCEPT)
                .answer(NODE_B, ACCEPT);

        orchestration.begin(JOB);

        eventually().untilAsserted(() -> assertThat(party(aData).state()).isEqualTo(ACCEPTED));
        assertThat(party(aData).attempts()).isEqualTo(3);
        assertThat(nodes.to(NODE_A)).extracting(s -> s.request().request().nonce()).hasSize(3).doesNotHaveDuplicates();
        eventually().untilAsserted(() -> assertThat(party(bData).state()).isEqualTo(ACCEPTED));
        assertThat(party(bData).attempts()).isEqualTo(1);
        assertThat(jobs.finishes).isEmpty();
    }

    @Test
    void a_refusal_is_final_keeps_the_nodes_reasons_and_fails_the_job() {
        nodes.answer(NODE_A, ACCEPT)
                .answer(NODE_B, new NodeAnswer.Refused(List.of("op-not-in-workflow"), "409 this node refuses the request"));

        orchestration.begin(JOB);

        eventually().untilAsserted(() -> assertThat(jobs.finishes).containsExactly(false));
        PartyRecord b = party(bData);
        assertThat(b.state()).isEqualTo(REFUSED);
        assertThat(b.reasons()).containsExactly("op-not-in-workflow");
        assertThat(b.detail()).contains(NODE_B.toString()).contains("this node refuses the request");
        assertThat(nodes.to(NODE_B)).hasSize(1);
        assertThat(book.find(JOB).orElseThrow().detail()).startsWith("ended as FAILED").contains(bData.value())
                .contains("REFUSED");
        assertEndedOnceOnly();
    }

    @Test
    void a_run_its_node_reports_failed_fails_the_job_with_the_nodes_reason() {
        nodes.answer(NODE_A, ACCEPT).answer(NODE_B, ACCEPT);

        orchestration.begin(JOB);
        eventually().untilAsserted(() -> assertThat(states()).containsExactly(ACCEPTED, ACCEPTED));
        assertThat(jobs.finishes).as("accepted runs are waited for").isEmpty();
        nodes.failing(NODE_B, bData, SHARE, "no dataset is bound to " + bData + " on this node");

        eventually().untilAsserted(() -> assertThat(jobs.finishes).containsExactly(false));
        assertThat(party(bData).state()).isEqualTo(PartyState.FAILED);
        assertThat(party(bData).detail()).contains(NODE_B.toString(), "no dataset is bound");
        assertThat(party(aData).state()).isEqualTo(ACCEPTED);
        assertThat(book.find(JOB).orElseThrow().detail()).startsWith("ended as FAILED").contains("no dataset is bound");
        assertEndedOnceOnly();
    }

    // ---- dropouts (federated learning: a composition whose workflow sets dropout_after) ------------

    /** Devices a, b, c (nodes A, B, C) training and vendor's aggregator (node A) in a union fintech-c uses as is. */
    private List<DataTokenId> federated() {
        DataTokenId c = world.data('c', BANK_B, NODE_C.toString());
        DataTokenId aggregator = world.data('d', BANK_A, NODE_A.toString());
        DataTokenId union = world.composed('e', AssetKind.COMPUTE, BANK_A, null, List.of(aData, bData, c, aggregator),
                Map.of(aData, TRAIN, bData, TRAIN, c, TRAIN, aggregator, SHARE), Map.of("dropout_after", "1"));
        DataTokenId model = world.composed('9', AssetKind.ALGORITHM, FINTECH_C, null, List.of(union), Map.of());
        jobs = new ScriptedJobs(JOB, model, FINTECH_C);
        orchestration.jobs = jobs;
        nodes.answer(NODE_A, ACCEPT, ACCEPT).answer(NODE_B, ACCEPT).answer(NODE_C, ACCEPT);
        return List.of(aData, bData, c, aggregator);
    }

    @Test
    void a_device_whose_run_failed_drops_out_and_the_job_succeeds_on_the_other_receipts() {
        List<DataTokenId> parties = federated();
        DataTokenId c = parties.get(2);
        DataTokenId aggregator = parties.get(3);

        orchestration.begin(JOB);
        eventually().untilAsserted(() -> assertThat(states()).containsOnly(ACCEPTED).hasSize(4));
        nodes.failing(NODE_C, c, TRAIN, "no dataset is bound to " + c + " on this node");
        eventually().untilAsserted(() -> assertThat(party(c).state()).isEqualTo(PartyState.FAILED));
        jobs.receipt(aData, TRAIN, BANK_A);
        jobs.receipt(bData, TRAIN, BANK_B);
        assertThat(jobs.finishes).as("the aggregator has not finished").isEmpty();
        jobs.receipt(aggregator, SHARE, BANK_A);

        eventually().untilAsserted(() -> assertThat(jobs.finishes).containsExactly(true));
        assertThat(book.find(JOB).orElseThrow().detail()).startsWith("ended as SUCCEEDED").contains("dropped out")
                .contains(c.value()).contains("no dataset is bound");
        assertEndedOnceOnly();
    }

    @Test
    void a_silent_device_drops_out_once_every_other_party_has_ended_for_dropout_after() {
        List<DataTokenId> parties = federated();
        DataTokenId c = parties.get(2);

        orchestration.begin(JOB);
        eventually().untilAsserted(() -> assertThat(states()).containsOnly(ACCEPTED).hasSize(4));
        jobs.receipt(aData, TRAIN, BANK_A);
        jobs.receipt(parties.get(3), SHARE, BANK_A);
        Instant lastReceipt = Instant.now();
        jobs.receipt(bData, TRAIN, BANK_B);

        eventually().untilAsserted(() -> assertThat(jobs.finishes).containsExactly(true));
        assertThat(Instant.now()).as("not before dropout_after has passed").isAfterOrEqualTo(lastReceipt.plusSeconds(1));
        assertThat(party(c).state()).isEqualTo(ACCEPTED);
        assertThat(book.find(JOB).orElseThrow().detail()).contains("dropped out").contains(c.value());
    }

    @Test
    void when_every_party_of_such_a_composition_drops_out_the_job_fails() {
        List<DataTokenId> parties = federated();

        orchestration.begin(JOB);
        eventually().untilAsserted(() -> assertThat(states()).containsOnly(ACCEPTED).hasSize(4));
        nodes.failing(NODE_A, aData, TRAIN, "crashed").failing(NODE_B, bData, TRAIN, "crashed")
                .failing(NODE_C, parties.get(2), TRAIN, "crashed").failing(NODE_A, parties.get(3), SHARE, "too few devices");

        eventually().untilAsserted(() -> assertThat(jobs.finishes).containsExactly(false));
        assertThat(book.find(JOB).orElseThrow().detail()).startsWith("ended as FAILED").contains("too few devices");
    }

    @Test
    void a_job_its_owner_dispatches_by_hand_sends_nothing_and_succeeds_with_the_last_receipt() {
        nodes.answer(NODE_A, ACCEPT).answer(NODE_B, ACCEPT);

        orchestration.begin(JOB, Dispatch.MANUAL);

        eventually().untilAsserted(() -> assertThat(states()).containsExactly(PartyState.MANUAL, PartyState.MANUAL));
        jobs.receipt(aData, SHARE, BANK_A);
        eventually().untilAsserted(() -> assertThat(states()).containsExactly(DONE, PartyState.MANUAL));
        assertThat(jobs.finishes).isEmpty();
        jobs.receipt(bData, SHARE, BANK_B);

        eventually().untilAsserted(() -> assertThat(jobs.finishes).containsExactly(true));
        assertThat(nodes.submissions).as("the owner took the requests to the nodes").isEmpty();
        assertEndedOnceOnly();
    }

    @Test
    void a_node_never_reached_is_unreachable_after_the_configured_attempts_and_fails_the_job() {
        orchestration.attempts = 3;
        nodes.answer(NODE_A, ACCEPT);

        orchestration.begin(JOB);

        eventually().untilAsserted(() -> assertThat(jobs.finishes).containsExactly(false));
        assertThat(nodes.to(NODE_B)).hasSize(3);
        assertThat(party(bData).state()).isEqualTo(UNREACHABLE);
        assertThat(party(bData).attempts()).isEqualTo(3);
        assertThat(party(bData).detail()).contains("after 3 attempts").contains("connection refused");
        assertEndedOnceOnly();
    }

    @Test
    void a_party_whose_asset_names_no_endpoint_is_unreachable_at_once_and_fails_the_job() {
        DataTokenId cData = world.data('c', BANK_B, null);
        jobs = new ScriptedJobs(JOB, world.composed('e', AssetKind.ALGORITHM, FINTECH_C, null,
                Map.of(aData, SHARE, cData, SHARE)), FINTECH_C);
        orchestration.jobs = jobs;
        nodes.answer(NODE_A, ACCEPT);

        orchestration.begin(JOB);

        eventually().untilAsserted(() -> assertThat(jobs.finishes).containsExactly(false));
        assertThat(party(cData).state()).isEqualTo(UNREACHABLE);
        assertThat(party(cData).attempts()).isZero();
        assertThat(party(cData).detail()).isEqualTo("asset " + cData + "'s DDO names no compute endpoint");
        assertThat(book.find(JOB).orElseThrow().detail()).contains("names no compute endpoint");
        assertThat(nodes.submissions).extracting(ScriptedNodes.Submission::node).containsOnly(NODE_A);
    }

    @Test
    void a_job_whose_composition_cannot_be_read_fails_and_says_why() {
        world.tamper(algorithm);

        orchestration.begin(JOB);

        eventually().untilAsserted(() -> assertThat(jobs.finishes).containsExactly(false));
        assertThat(book.find(JOB).orElseThrow().detail()).startsWith("ended as FAILED: cannot read the algorithm "
                + algorithm + "'s DDO");
        assertThat(book.find(JOB).orElseThrow().parties()).isEmpty();
        assertThat(nodes.submissions).isEmpty();
    }

    @Test
    void without_every_receipt_in_time_the_job_fails() {
        orchestration.completionTimeout = Duration.ofMillis(300);
        nodes.answer(NODE_A, ACCEPT).answer(NODE_B, ACCEPT);
        jobs.receipt(aData, SHARE, BANK_A);

        orchestration.begin(JOB);

        eventually().untilAsserted(() -> assertThat(jobs.finishes).containsExactly(false));
        assertThat(book.find(JOB).orElseThrow().detail()).contains("no receipt within PT0.3S for " + bData)
                .doesNotContain(aData.value());
        assertEndedOnceOnly();
    }

    @Test
    void a_job_revoked_by_its_owner_meanwhile_is_left_alone() {
        nodes.answer(NODE_A, ACCEPT).answer(NODE_B, ACCEPT);
        orchestration.begin(JOB);
        eventually().untilAsserted(() -> assertThat(states()).containsExactly(ACCEPTED, ACCEPTED));

        jobs.moveTo(JobState.REVOKED);

        eventually().untilAsserted(() -> assertThat(orchestration.orchestrating(JOB)).isFalse());
        assertThat(jobs.finishes).isEmpty();
        assertThat(jobs.refreshes).as("the board follows the chain").hasPositiveValue();
    }

    @Test
    void an_end_the_chain_refuses_as_an_illegal_transition_was_someone_elses_and_is_not_tried_again() {
        nodes.answer(NODE_A, ACCEPT).answer(NODE_B, ACCEPT);
        jobs.finishFailures.add(new LedgerRefusal("IllegalTransition", "job cannot move from state 4 to state 3"));
        jobs.receipt(aData, SHARE, BANK_A);
        jobs.receipt(bData, SHARE, BANK_B);

        orchestration.begin(JOB);

        eventually().untilAsserted(() -> assertThat(orchestration.orchestrating(JOB)).isFalse());
        assertEndedOnceOnly();
        assertThat(jobs.refreshes).hasPositiveValue();
        assertThat(book.find(JOB).orElseThrow().detail()).as("it did not end it").doesNotStartWith("ended as");
    }

    @Test
    void an_end_the_chain_may_not_have_taken_is_asked_again_only_after_reading_the_job_again() {
        nodes.answer(NODE_A, ACCEPT).answer(NODE_B, ACCEPT);
        jobs.finishFailures.add(new LedgerUnavailable("no receipt for the transaction in time", null));
        jobs.receipt(aData, SHARE, BANK_A);
        jobs.receipt(bData, SHARE, BANK_B);

        orchestration.begin(JOB);

        eventually().untilAsserted(() -> assertThat(jobs.job().state()).isEqualTo(JobState.SUCCEEDED));
        assertThat(jobs.finishes).containsExactly(true, true);
        eventually().untilAsserted(() -> assertThat(orchestration.orchestrating(JOB)).isFalse());
    }

    @Test
    void a_job_that_is_not_running_is_not_dispatched() {
        jobs.moveTo(JobState.AUTHORIZED);

        orchestration.begin(JOB);

        eventually().untilAsserted(() -> assertThat(orchestration.orchestrating(JOB)).isFalse());
        assertThat(nodes.submissions).isEmpty();
        assertThat(book.find(JOB)).isEmpty();
        assertThat(jobs.finishes).isEmpty();
    }

    @Test
    void a_restarted_service_asks_again_only_the_parties_still_dispatching_and_then_finishes_the_job() {
        Instant began = Instant.now();
        List<Party> parties = world.discovery().partiesOf(algorithm);
        PartyRecord a = PartyRecord.enlisted(parties.get(0), began).moved(ACCEPTED, 1, List.of(), "accepted", began);
        PartyRecord b = PartyRecord.enlisted(parties.get(1), began).moved(DISPATCHING, 2, List.of(), "attempt 2 failed", began);
        book.begin(JOB, began, List.of(a, b));
        nodes.answer(NODE_A, ACCEPT).answer(NODE_B, ACCEPT);

        orchestration.resume();

        eventually().untilAsserted(() -> assertThat(party(bData).state()).isEqualTo(ACCEPTED));
        assertThat(party(bData).attempts()).isEqualTo(3);
        assertThat(nodes.submissions).extracting(ScriptedNodes.Submission::node).containsExactly(NODE_B);
        jobs.receipt(aData, SHARE, BANK_A);
        jobs.receipt(bData, SHARE, BANK_B);
        eventually().untilAsserted(() -> assertThat(jobs.finishes).containsExactly(true));
        assertThat(book.find(JOB).orElseThrow().beganAt()).as("the timeout still runs from the first start")
                .isEqualTo(began.truncatedTo(ChronoUnit.MICROS));
    }

    @Test
    void a_job_already_orchestrated_here_is_not_begun_twice() {
        nodes.answer(NODE_A, ACCEPT).answer(NODE_B, ACCEPT);

        orchestration.begin(JOB);
        orchestration.begin(JOB);

        eventually().untilAsserted(() -> assertThat(states()).containsExactly(ACCEPTED, ACCEPTED));
        assertThat(nodes.submissions).hasSize(2);
    }

    private void assertEndedOnceOnly() {
        Awaitility.await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2))
                .until(() -> jobs.finishes.size() == 1);
    }

    private List<PartyState> states() {
        return book.find(JOB).map(r -> r.parties().stream().map(PartyRecord::state).toList()).orElse(List.of());
    }

    private PartyRecord party(DataTokenId dt) {
        return book.find(JOB).orElseThrow().parties().stream().filter(p -> p.dt().equals(dt)).findFirst().orElseThrow();
    }

    /** Until it holds; a run not recorded yet (party() finds nothing) counts as not yet. */
    private static ConditionFactory eventually() {
        return Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5))
                .ignoreExceptionsInstanceOf(NoSuchElementException.class);
    }
}
