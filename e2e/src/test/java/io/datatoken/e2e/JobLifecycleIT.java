package io.datatoken.e2e;

import static io.datatoken.e2e.AssetWorld.ASSETS;
import static io.datatoken.e2e.AssetWorld.JSON_TYPE;
import static io.datatoken.e2e.AssetWorld.bytes;
import static io.datatoken.e2e.AssetWorld.stack;
import static io.datatoken.e2e.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A data user posts a task, the algorithm's owner submits its composition as a job, and the chain
 * lets the job be authorized and start only while every party below it has authorized it.
 */
class JobLifecycleIT {

    private static final String JOBS = "/job/api/v1/jobs";

    private static String alice;
    private static String bob;
    private static String carol;

    private AssetWorld.Composition composition;
    private String taskId;

    @BeforeAll
    static void organizations_on_chain_and_ops() {
        AssetWorld.enter();
        alice = stack.tokenOf("alice");
        bob = stack.tokenOf("bob");
        carol = stack.tokenOf("carol");
    }

    @BeforeEach
    void a_composition_and_a_task() throws IOException {
        composition = AssetWorld.twoBanksAndAnAlgorithm(alice, bob, carol);
        var task = stack.post("/job/api/v1/tasks", carol, JSON_TYPE, bytes("{\"description\":\"joint risk features\"}"));
        assertThat(task.statusCode()).as(task.body()).isEqualTo(201);
        taskId = Stack.JSON.readTree(task.body()).get("taskId").asText();
        assertThat(taskId).matches("0x[0-9a-f]{64}");
    }

    @Test
    void a_job_is_authorized_and_starts_only_once_every_party_below_it_has_authorized() throws IOException {
        String job = submit();
        assertThat(state(job)).isEqualTo("SUBMITTED");

        assertProblem(post(JOBS + "/" + job + "/authorization", carol), 409, "not-all-authorized");
        assertThat(state(job)).isEqualTo("SUBMITTED");

        grant(alice, composition.aData());
        assertProblem(post(JOBS + "/" + job + "/authorization", carol), 409, "not-all-authorized");
        grant(bob, composition.bData());

        assertThat(ok(post(JOBS + "/" + job + "/authorization", carol)).get("state").asText()).isEqualTo("AUTHORIZED");
        assertThat(ok(post(JOBS + "/" + job + "/start", carol)).get("state").asText()).isEqualTo("RUNNING");
        assertThat(Stack.JSON.readTree(stack.get(JOBS, carol).body())).extracting(j -> j.get("jobId").asText())
                .contains(job);
    }

    @Test
    void a_started_job_whose_party_node_reports_its_run_failed_ends_failed_with_the_nodes_reason() throws IOException {
        grant(alice, composition.aData());
        grant(bob, composition.bData());
        String job = submit();
        ok(post(JOBS + "/" + job + "/authorization", carol));
        ok(post(JOBS + "/" + job + "/start", carol));

        // both banks' nodes accept, then fail: this composition gives ss-share no compute asset to share to
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(state(job)).isEqualTo("FAILED"));
        JsonNode view = ok(stack.get(JOBS + "/" + job, carol));
        assertThat(view.get("detail").asText()).startsWith("ended as FAILED").contains("secure-sum");
        assertThat(view.get("parties")).extracting(p -> p.get("state").asText()).contains("FAILED");
        assertThat(view.get("parties")).extracting(p -> p.get("node").asText())
                .containsExactlyInAnyOrder(stack.computeNode("bank-a"), stack.computeNode("bank-b"));
    }

    @Test
    void a_grant_revoked_after_authorization_stops_the_start() throws IOException {
        grant(alice, composition.aData());
        grant(bob, composition.bData());
        String job = submit();
        assertThat(ok(post(JOBS + "/" + job + "/authorization", carol)).get("state").asText()).isEqualTo("AUTHORIZED");

        assertThat(stack.delete(ASSETS + "/" + composition.bData() + "/grants/" + composition.algorithm(), bob)
                .statusCode()).isEqualTo(200);

        assertProblem(post(JOBS + "/" + job + "/start", carol), 409, "not-all-authorized");
        assertThat(state(job)).isEqualTo("AUTHORIZED");
    }

    @Test
    void only_the_jobs_owner_moves_it_and_bad_requests_are_refused() throws IOException {
        String job = submit();
        assertProblem(post(JOBS + "/" + job + "/start", stack.tokenOf("mia")), 403, "not-owner");
        assertProblem(stack.post("/job/api/v1/tasks", alice, JSON_TYPE, bytes("{\"description\":\"x\"}")), 403, "forbidden");
        assertProblem(stack.post("/job/api/v1/tasks", carol, JSON_TYPE, bytes("{\"description\":\"" + "x".repeat(201) + "\"}")),
                400, "invalid-input");
        assertProblem(stack.post("/job/api/v1/tasks", carol, JSON_TYPE, bytes("{}")), 400, "invalid-input");
        assertProblem(stack.post("/job/api/v1/tasks/" + taskId + "/jobs", carol, JSON_TYPE, bytes("{}")), 400,
                "malformed-algorithm");
        assertProblem(stack.post(JOBS + "/" + job + "/execution-requests", carol, JSON_TYPE, bytes("{\"dt\":\"x\"}")),
                400, "malformed-op");
        assertProblem(stack.get(JOBS + "/" + AssetWorld.newDt(), carol), 404, "unknown-job");
        assertProblem(stack.post("/job/api/v1/tasks/" + taskId + "/jobs", carol, JSON_TYPE,
                bytes("{\"algorithm\":\"" + composition.aData() + "\"}")), 409, "not-an-algorithm");
    }

    @Test
    void a_retried_post_with_the_same_idempotency_key_answers_what_the_first_posted_and_posts_nothing_twice()
            throws IOException {
        String key = java.util.UUID.randomUUID().toString();
        var first = stack.postIdempotent("/job/api/v1/tasks", carol, key, "{\"description\":\"retried task\"}");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        var again = stack.postIdempotent("/job/api/v1/tasks", carol, "\"" + key + "\"", "{\"description\":\"retried task\"}");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        String task = Stack.JSON.readTree(first.body()).get("taskId").asText();
        assertThat(Stack.JSON.readTree(again.body()).get("taskId").asText()).isEqualTo(task);
        assertThat(again.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(Stack.JSON.readTree(stack.get("/job/api/v1/tasks", carol).body()))
                .filteredOn(t -> t.get("taskId").asText().equals(task)).hasSize(1);
        assertProblem(stack.postIdempotent("/job/api/v1/tasks", carol, key, "{\"description\":\"another task\"}"),
                409, "idempotency-key-reused");

        String jobs = "/job/api/v1/tasks/" + task + "/jobs";
        String body = "{\"algorithm\":\"" + composition.algorithm() + "\"}";
        var submitted = stack.postIdempotent(jobs, carol, key, body);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        String job = Stack.JSON.readTree(submitted.body()).get("jobId").asText();
        var resubmitted = stack.postIdempotent(jobs, carol, key, body);
        assertThat(resubmitted.statusCode()).as(resubmitted.body()).isEqualTo(200);
        assertThat(Stack.JSON.readTree(resubmitted.body()).get("jobId").asText()).isEqualTo(job);
        assertThat(Stack.JSON.readTree(resubmitted.body()).get("state").asText()).isEqualTo("SUBMITTED");
        assertThat(Stack.JSON.readTree(stack.get(JOBS, carol).body()))
                .filteredOn(j -> j.get("taskId").asText().equals(task)).hasSize(1);
        // the same key on another task names the same job id, which is taken: refused, not a second job
        assertProblem(stack.postIdempotent("/job/api/v1/tasks/" + taskId + "/jobs", carol, key, body),
                409, "idempotency-key-reused");

        assertProblem(stack.postIdempotent(jobs, carol, "two words", body), 400, "malformed-idempotency-key");
        assertProblem(stack.postIdempotent(jobs, carol, "k".repeat(256), body), 400, "malformed-idempotency-key");
    }

    private String submit() throws IOException {
        var response = stack.post("/job/api/v1/tasks/" + taskId + "/jobs", carol, JSON_TYPE,
                bytes("{\"algorithm\":\"" + composition.algorithm() + "\"}"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Stack.JSON.readTree(response.body()).get("jobId").asText();
    }

    private static String state(String job) throws IOException {
        return ok(stack.get(JOBS + "/" + job, carol)).get("state").asText();
    }

    private void grant(String token, String child) {
        var response = stack.post(ASSETS + "/" + child + "/grants", token, JSON_TYPE,
                bytes("{\"parent\":\"" + composition.algorithm() + "\"}"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private static HttpResponse<String> post(String path, String token) {
        return stack.post(path, token, JSON_TYPE, new byte[0]);
    }

    private static JsonNode ok(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Stack.JSON.readTree(response.body());
    }
}
