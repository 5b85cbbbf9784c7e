package io.datatoken.compute.refusals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.datatoken.chain.NodeMessages;
import io.datatoken.compute.adapters.HttpTracerReports;
import io.datatoken.support.persistence.SchemaMigration;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox's sender on a real PostgreSQL, posting through the real HTTP adapter to a JDK HTTP server
 * playing the tracer: what it sends, when it tries again and when it gives up.
 */
class RefusalReporterTest extends OutboxSchemaTest {

    private static final String JOB = "0x" + "5".repeat(64);
    private static final String DT = "0x" + "a".repeat(64);
    private static final String OP = "0x" + "c".repeat(64);

    private record Received(String method, String path, String authorization, String contentType, String body) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Queue<Integer> answers = new ConcurrentLinkedQueue<>();
    private ScheduledExecutorService executor;
    private HttpServer tracer;
    private SettableClock clock;
    private KeyNodeAccount account;
    private RefusalOutbox outbox;
    private RefusalReporter reporter;

    /** One instance and database serve all tests of the class: everything else starts afresh. */
    @BeforeEach
    void aTracerAndAnEmptyOutbox() throws IOException {
        received.clear();
        answers.clear();
        executor = Executors.newSingleThreadScheduledExecutor();
        inComputeSchema(em -> em.createNativeQuery("truncate refusal_report").executeUpdate());
        tracer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        tracer.createContext("/", this::handle);
        tracer.start();
        clock = new SettableClock(Instant.now().truncatedTo(ChronoUnit.MICROS));
        account = new KeyNodeAccount();
        outbox = outbox();
        reporter = new RefusalReporter();
        reporter.outbox = outbox;
        reporter.account = account;
        reporter.tracer = new HttpTracerReports(URI.create("http://127.0.0.1:" + tracer.getAddress().getPort()
                + "/tracer/"), Duration.ofSeconds(5));
        reporter.migration = new MigratedSchema();
        reporter.clock = clock;
    }

    @AfterEach
    void stop() {
        reporter.stop();
        executor.shutdownNow();
        tracer.stop(0);
    }

    @Test
    void a_due_refusal_goes_to_the_tracer_signed_by_the_nodes_account_without_a_token_and_is_reported_once() {
        Refusal refusal = refusal(JOB, OP);
        outbox.add(refusal);

        assertThat(reporter.reportDue()).isEqualTo(1);

        Received request = received.getFirst();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/tracer/api/v1/refusals");
        assertThat(request.authorization()).isNull();
        assertThat(request.contentType()).startsWith("application/json");
        JsonObject body = Json.createReader(new StringReader(request.body())).readObject();
        assertThat(body.keySet()).containsExactlyInAnyOrder("id", "job", "dt", "op", "code", "detail", "refusedAt",
                "signature");
        assertThat(body.getString("id")).isEqualTo(refusal.id().toString());
        assertThat(body.getString("job")).isEqualTo(JOB);
        assertThat(body.getString("dt")).isEqualTo(DT);
        assertThat(body.getString("op")).isEqualTo(OP);
        assertThat(body.getString("code")).isEqualTo("job-not-running replayed");
        assertThat(body.getString("detail")).isEqualTo(refusal.detail());
        assertThat(Instant.parse(body.getString("refusedAt"))).isEqualTo(refusal.refusedAt());
        assertThat(NodeMessages.signerOf(refusal.signedBytes(), body.getString("signature")))
                .isEqualTo(account.address());
        assertThat(account.registrations.get()).isPositive();
        assertThat(row(refusal.id())).containsExactly("REPORTED", 0, null);

        clock.advance(Duration.ofHours(1));
        assertThat(reporter.reportDue()).isZero();
        assertThat(received).hasSize(1);
    }

    @Test
    void a_refusal_that_names_no_job_or_op_is_sent_without_them() {
        outbox.add(refusal(null, null));

        reporter.reportDue();

        assertThat(Json.createReader(new StringReader(received.getFirst().body())).readObject().keySet())
                .doesNotContain("job", "op");
    }

    @Test
    void after_a_server_error_it_is_tried_again_once_the_wait_has_passed_and_then_reported() {
        Refusal refusal = refusal(JOB, OP);
        outbox.add(refusal);
        answers.add(503);

        assertThat(reporter.reportDue()).isZero();
        assertThat(row(refusal.id())).satisfiesExactly(state -> assertThat(state).isEqualTo("PENDING"),
                attempts -> assertThat(attempts).isEqualTo(1), error -> assertThat((String) error).contains("503"));

        assertThat(reporter.reportDue()).as("not due before the wait").isZero();
        assertThat(received).hasSize(1);

        clock.advance(RefusalReporter.FIRST_BACKOFF);
        assertThat(reporter.reportDue()).isEqualTo(1);
        assertThat(received).hasSize(2);
        assertThat(received.get(1).body()).isEqualTo(received.get(0).body());
        assertThat(row(refusal.id())).containsExactly("REPORTED", 1, null);
    }

    @Test
    void an_unreachable_tracer_is_tried_again_later_each_time() {
        Refusal refusal = refusal(JOB, OP);
        outbox.add(refusal);
        tracer.stop(0);

        reporter.reportDue();
        clock.advance(Duration.ofSeconds(2));
        reporter.reportDue();
        assertThat(row(refusal.id())).satisfiesExactly(state -> assertThat(state).isEqualTo("PENDING"),
                attempts -> assertThat(attempts).isEqualTo(2),
                error -> assertThat((String) error).contains("cannot reach"));

        clock.advance(Duration.ofSeconds(3));
        reporter.reportDue();
        assertThat(row(refusal.id()).get(1)).as("the second wait is 4 s").isEqualTo(2);
        clock.advance(Duration.ofSeconds(1));
        reporter.reportDue();
        assertThat(row(refusal.id()).get(1)).isEqualTo(3);
    }

    @Test
    void the_tracers_verdict_on_a_refusal_ends_its_reporting_for_good() {
        Refusal refusal = refusal(JOB, OP);
        outbox.add(refusal);
        answers.add(403);

        assertThat(reporter.reportDue()).isZero();

        assertThat(row(refusal.id())).satisfiesExactly(state -> assertThat(state).isEqualTo("GAVE_UP"),
                attempts -> assertThat(attempts).isEqualTo(1),
                error -> assertThat((String) error).startsWith("403").contains("not-the-owner"));
        clock.advance(Duration.ofDays(1));
        assertThat(reporter.reportDue()).isZero();
        assertThat(received).hasSize(1);
    }

    @Test
    void a_tracer_without_the_endpoint_is_no_verdict_and_a_refusal_kept_before_counts_as_reported() {
        Refusal refusal = refusal(JOB, OP);
        outbox.add(refusal);
        answers.add(404);
        answers.add(200);

        reporter.reportDue();
        assertThat(row(refusal.id()).getFirst()).isEqualTo("PENDING");

        clock.advance(RefusalReporter.FIRST_BACKOFF);
        assertThat(reporter.reportDue()).isEqualTo(1);
        assertThat(row(refusal.id()).getFirst()).isEqualTo("REPORTED");
    }

    @Test
    void nothing_is_sent_before_the_nodes_account_is_on_chain_and_a_failed_registration_is_tried_again() {
        Refusal refusal = refusal(JOB, OP);
        outbox.add(refusal);
        account.registrarDown = true;

        reporter.reportDue();
        assertThat(received).isEmpty();
        assertThat(row(refusal.id())).satisfiesExactly(state -> assertThat(state).isEqualTo("PENDING"),
                attempts -> assertThat(attempts).isEqualTo(1),
                error -> assertThat((String) error).contains("asset service"));

        account.registrarDown = false;
        clock.advance(RefusalReporter.FIRST_BACKOFF);
        assertThat(reporter.reportDue()).isEqualTo(1);
    }

    @Test
    void due_refusals_go_oldest_first_and_one_not_yet_due_waits() {
        Refusal older = refusal(JOB, OP);
        Refusal newer = new Refusal(UUID.randomUUID(), JOB, DT, OP, "replayed", "d", clock.instant().minusMillis(10));
        Refusal future = new Refusal(UUID.randomUUID(), JOB, DT, OP, "replayed", "d", clock.instant().plusSeconds(60));
        outbox.add(newer);
        outbox.add(future);
        outbox.add(older);

        assertThat(reporter.reportDue()).isEqualTo(2);

        assertThat(received).extracting(r -> Json.createReader(new StringReader(r.body())).readObject().getString("id"))
                .containsExactly(older.id().toString(), newer.id().toString());
    }

    @Test
    void the_schedule_reports_in_the_background_and_goes_on_after_a_failure() {
        Refusal refusal = refusal(JOB, OP);
        outbox.add(refusal);
        answers.add(500);
        reporter.clock = Clock.systemUTC();
        reporter.firstBackoff = Duration.ofMillis(20);

        reporter.start(executor, Duration.ofMillis(20));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(row(refusal.id())).containsExactly("REPORTED", 1, null));
        assertThat(received).hasSize(2);
    }

    @Test
    void the_wait_doubles_up_to_ten_minutes() {
        assertThat(reporter.backoff(0)).isEqualTo(Duration.ofSeconds(2));
        assertThat(reporter.backoff(1)).isEqualTo(Duration.ofSeconds(4));
        assertThat(reporter.backoff(5)).isEqualTo(Duration.ofSeconds(64));
        assertThat(reporter.backoff(9)).isEqualTo(Duration.ofMinutes(10));
        assertThat(reporter.backoff(60)).isEqualTo(Duration.ofMinutes(10));
    }

    private Refusal refusal(String job, String op) {
        return new Refusal(UUID.randomUUID(), job, DT, op, "job-not-running replayed",
                "job-not-running: the job is SUBMITTED, not RUNNING; replayed: nonce 0x01 was used before",
                clock.instant().minusSeconds(1));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            Integer next = answers.poll();
            int status = next == null ? 201 : next;
            byte[] body = (status >= 400
                    ? "{\"type\":\"https://datatoken.io/problems/not-the-owner\",\"status\":" + status + "}"
                    : "{\"id\":\"kept\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type",
                    status >= 400 ? "application/problem+json" : "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    /** A clock the test moves. */
    private static final class SettableClock extends Clock {

        private volatile Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** The schema as the server migrated it. */
    private static final class MigratedSchema extends SchemaMigration {

        @Override
        public State migrate() {
            return new State(true, "4", null);
        }
    }
}
