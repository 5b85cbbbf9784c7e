package io.datatoken.job.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.datatoken.domain.market.ExecutionRequest;
import io.datatoken.domain.market.JobId;
import io.datatoken.domain.market.SignedExecutionRequest;
import io.datatoken.domain.op.OpHash;
import io.datatoken.domain.token.DataTokenId;
import io.datatoken.job.orchestration.NodeAnswer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The compute nodes' HTTP adapter against a JDK HTTP server playing a node. */
class HttpComputeNodesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SignedExecutionRequest SIGNED = new SignedExecutionRequest(new ExecutionRequest(
            JobId.of("0x" + "5".repeat(64)), DataTokenId.of("0x" + "a".repeat(64)), OpHash.of("0x" + "c".repeat(64)),
            "0x" + "e".repeat(64), Instant.parse("2026-11-23T12:10:00Z")), "0x" + "1b".repeat(65));

    private record Received(String method, String path, String authorization, String contentType, String body) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final HttpComputeNodes nodes = new HttpComputeNodes(Duration.ofSeconds(5));
    private HttpServer server;
    private volatile int status;
    private volatile String answer;

    @BeforeEach
    void startNode() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    @AfterEach
    void stopNode() {
        server.stop(0);
    }

    @Test
    void accepted_is_202_for_the_signed_request_posted_without_any_platform_credential() throws IOException {
        answerWith(202, "{\"id\":\"6f1c…\",\"outcome\":\"ACCEPTED\",\"reasons\":[]}");

        NodeAnswer answer = nodes.submit(node("/compute/api/"), SIGNED);

        assertThat(answer).isEqualTo(new NodeAnswer.Accepted());
        Received request = received.getFirst();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/compute/api/v1/executions");
        assertThat(request.authorization()).isNull();
        assertThat(request.contentType()).startsWith("application/json");
        JsonNode body = JSON.readTree(request.body());
        assertThat(body.size()).isEqualTo(6);
        assertThat(body.get("job").asText()).isEqualTo(SIGNED.request().job().value());
        assertThat(body.get("dt").asText()).isEqualTo(SIGNED.request().dt().value());
        assertThat(body.get("op").asText()).isEqualTo(SIGNED.request().op().value());
        assertThat(body.get("nonce").asText()).isEqualTo(SIGNED.request().nonce());
        assertThat(body.get("expiresAt").asText()).isEqualTo("2026-11-23T12:10:00Z");
        assertThat(body.get("signature").asText()).isEqualTo(SIGNED.signature());
    }

    @Test
    void an_execution_refused_problem_is_a_refusal_with_every_reason_the_node_gave() {
        answerWith(409, "{\"type\":\"https://datatoken.io/problems/execution-refused\",\"title\":\"Conflict\","
                + "\"status\":409,\"detail\":\"this node refuses the request: job-not-running (the job is FAILED)\","
                + "\"instance\":\"/compute/api/v1/executions\",\"reasons\":[\"job-not-running\",\"replayed\"]}");

        NodeAnswer answer = nodes.submit(node("/compute/api"), SIGNED);

        assertThat(answer).isEqualTo(new NodeAnswer.Refused(List.of("job-not-running", "replayed"),
                "409 this node refuses the request: job-not-running (the job is FAILED)"));
    }

    @Test
    void a_forbidden_call_is_a_refusal_too() {
        answerWith(403, "");

        assertThat(nodes.submit(node("/compute/api"), SIGNED)).isInstanceOfSatisfying(NodeAnswer.Refused.class,
                refused -> assertThat(refused.reasons()).isEmpty());
    }

    @Test
    void a_server_error_or_an_unauthenticated_call_is_worth_another_request() {
        answerWith(500, "{\"error\":\"database down\"}");
        assertThat(nodes.submit(node("/compute/api"), SIGNED)).isInstanceOfSatisfying(NodeAnswer.Unavailable.class,
                unavailable -> assertThat(unavailable.error()).contains("answered 500").contains("database down"));

        answerWith(401, "");
        assertThat(nodes.submit(node("/compute/api"), SIGNED)).isInstanceOf(NodeAnswer.Unavailable.class);

        answerWith(503, "");
        assertThat(nodes.submit(node("/compute/api"), SIGNED)).isInstanceOf(NodeAnswer.Unavailable.class);
    }

    @Test
    void a_node_that_is_not_listening_is_unavailable() {
        URI gone = node("/compute/api");
        server.stop(0);

        assertThat(nodes.submit(gone, SIGNED)).isInstanceOfSatisfying(NodeAnswer.Unavailable.class,
                unavailable -> assertThat(unavailable.error()).startsWith("cannot reach " + gone + "/v1/executions"));
    }

    @Test
    void a_failed_run_is_read_from_the_nodes_runs_of_the_job_and_nothing_else_counts_as_failed() {
        var job = SIGNED.request().job();
        var dt = SIGNED.request().dt();
        var op = SIGNED.request().op();
        String run = "{\"job\":\"" + job + "\",\"dt\":\"" + dt + "\",\"op\":\"" + op + "\",\"state\":\"%s\","
                + "\"detail\":\"%s\"}";
        answerWith(200, "[" + run.formatted("FAILED", "no dataset is bound") + "]");

        assertThat(nodes.failure(node("/compute/api"), job, dt, op)).contains("no dataset is bound");
        assertThat(received.getFirst().method()).isEqualTo("GET");
        assertThat(received.getFirst().path()).isEqualTo("/compute/api/v1/runs");
        assertThat(nodes.failure(node("/compute/api"), job, dt, OpHash.of("0x" + "d".repeat(64)))).isEmpty();

        answerWith(200, "[" + run.formatted("WAITING", "waiting for inputs") + "]");
        assertThat(nodes.failure(node("/compute/api"), job, dt, op)).isEmpty();
        answerWith(500, "oops");
        assertThat(nodes.failure(node("/compute/api"), job, dt, op)).isEmpty();
    }

    private void answerWith(int code, String body) {
        status = code;
        answer = body;
    }

    private URI node(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
        }
    }
}
