package io.datatoken.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.datatoken.chain.Web3jDataTokenLedger;
import io.datatoken.chain.Web3jTaskMarketLedger;
import io.datatoken.domain.market.ExecutionReceipt;
import io.datatoken.domain.market.JobId;
import io.datatoken.domain.market.JobState;
import io.datatoken.domain.organization.EndUserId;
import io.datatoken.domain.token.DataTokenId;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario S2 end to end: {@code ./datatoken demo s2} on the test instance — vendor-a's end users u1..u3
 * register their rows as their own Data Tokens at their device nodes and consent with their own keys,
 * medco-b trains on vendor-a's data union as is (edge-train on each device, fed-avg at vendor-a's node)
 * — then what the chain, the nodes and the tracer say, checked here rather than taken from the demo.
 */
class ScenarioS2IT {

    private static final List<String> USERS = List.of("u1", "u2", "u3");

    @TempDir
    static Path scratch;

    static Stack stack;
    static String output;
    static JobId job;

    @BeforeAll
    static void runTheDemo() throws Exception {
        AssetWorld.enter();
        stack = AssetWorld.stack;
        Launcher.Demo demo = Launcher.demo(scratch, "s2");
        output = demo.output();
        job = demo.job();
    }

    private static String dt(String name) {
        return "0x" + AssetWorld.sha256(("datatoken-demo:" + name).getBytes(StandardCharsets.UTF_8));
    }

    private static String device(String user) {
        return stack.deviceNode("vendor-a", user);
    }

    private static final String UNION = dt("S2-union-r5");
    private static final String ALGORITHM = dt("S2-heart-model-r5");

    /** The op hash the demo published or found for {@code name} (dev/demo/steps.mjs prints it). */
    private static String opHash(String name) {
        Matcher published = Pattern.compile(name + " +\\S+ +opHash (0x[0-9a-f]{64})").matcher(output);
        assertThat(published.find()).as(output).isTrue();
        return published.group(1);
    }

    private static HttpResponse<String> post(String url, String user, String json) {
        return stack.post(URI.create(url), stack.tokenOf(user), "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void the_model_reaches_medco_b_only_within_one_point_of_central_training_on_the_users_rows() throws Exception {
        List<double[]> training = new ArrayList<>();
        for (String user : USERS) {
            training.addAll(CentralTraining.rows(stack.deviceDatasets("vendor-a", user).resolve("s2-rows.csv")));
        }
        List<double[]> test = CentralTraining.rows(stack.computeDatasets("medco-b").resolve("s2-test.csv"));

        var result = stack.get(URI.create(stack.computeNode("medco-b") + "/v1/results/" + job.value()), stack.tokenOf("mia"));
        assertThat(result.statusCode()).as(result.body()).isEqualTo(200);
        JsonNode outcome = Stack.JSON.readTree(result.body()).get("outcome");
        assertThat(outcome.get("samples").asInt()).isEqualTo(training.size());
        double[] weights = Stack.JSON.convertValue(outcome.at("/model/weights"), double[].class);
        assertThat(outcome.get("testAccuracy").asDouble())
                .isCloseTo(CentralTraining.accuracy(weights, test), offset(1e-12))
                .isCloseTo(CentralTraining.accuracy(CentralTraining.model(training), test), offset(CentralTraining.ONE_POINT));
        Problems.assertProblem(stack.get(URI.create(stack.computeNode("medco-b") + "/v1/results/" + job.value()),
                stack.tokenOf("victor")), 403, "not-yours");
        assertThat(output).contains("==> 3. vendor-a's end-user registry", "==> 6. consent", "demo: S2 done");
    }

    @Test
    void each_users_token_is_their_own_on_chain_and_its_receipt_recorded_by_their_device() throws Exception {
        var tokens = new Web3jDataTokenLedger(AssetWorld.operator, AssetWorld.contract("DataTokenRegistry"));
        var market = new Web3jTaskMarketLedger(AssetWorld.operator, AssetWorld.contract("TaskMarket"));
        assertThat(market.findJob(job)).hasValueSatisfying(j -> assertThat(j.state()).isEqualTo(JobState.SUCCEEDED));
        List<ExecutionReceipt> receipts = market.receipts(job);
        assertThat(receipts).hasSize(4);

        for (String user : USERS) {
            DataTokenId token = DataTokenId.of(dt("S2-" + user + "-rows"));
            assertThat(tokens.find(token)).hasValueSatisfying(t -> {
                assertThat(t.owner().value()).isEqualTo("vendor-a");
                assertThat(t.endUser()).contains(EndUserId.of(user));
            });
            JsonNode listed = Stack.JSON.readTree(stack.get("/asset/api/v1/assets/" + token.value(), stack.tokenOf("victor"))
                    .body());
            assertThat(listed.get("endUser").asText()).as("the device listed it in the catalog").isEqualTo(user);
            assertThat(listed.get("owner").asText()).isEqualTo("vendor-a");
            String account = Stack.JSON.readTree(stack.get(URI.create(device(user) + "/v1/device"), stack.tokenOf(user))
                    .body()).get("account").asText();
            assertThat(receipts).filteredOn(r -> r.dt().equals(token)).singleElement().satisfies(r -> {
                assertThat(r.recordedBy().value()).isEqualToIgnoringCase(account);
                assertThat(r.party().value()).isEqualTo("vendor-a");
            });
            var runs = Stack.JSON.readTree(stack.get(URI.create(device(user) + "/v1/runs?job=" + job.value()),
                    stack.tokenOf("rita")).body());
            assertThat(runs.findValuesAsText("opName")).containsExactly("edge-train");
            assertThat(runs.findValuesAsText("state")).containsExactly("SUCCEEDED");
        }
        var aggregator = Stack.JSON.readTree(stack.get(URI.create(stack.computeNode("vendor-a") + "/v1/runs?job="
                + job.value()), stack.tokenOf("rita")).body());
        assertThat(aggregator.findValuesAsText("opName")).as("the vendor's node runs no user's data").containsExactly("fed-avg");
    }

    @Test
    void each_user_traces_the_use_of_their_own_data_and_of_nobody_elses() throws Exception {
        for (String user : USERS) {
            String own = dt("S2-" + user + "-rows");
            JsonNode usage = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                    Stack.JSON.readTree(stack.get("/tracer/api/v1/usage/" + own, stack.tokenOf(user)).body()),
                    u -> u.path("receipts").findValuesAsText("job").contains(job.value()));
            assertThat(usage.get("jobs")).anySatisfy(j -> {
                assertThat(j.get("job").asText()).isEqualTo(job.value());
                assertThat(j.get("owner").asText()).as("by whom").isEqualTo("medco-b");
            });
            assertThat(usage.get("receipts")).anySatisfy(r -> {
                assertThat(r.get("dt").asText()).isEqualTo(own);
                assertThat(r.get("resultHash").asText()).startsWith("0x");
            });
            assertThat(usage.at("/token/endUser").asText()).isEqualTo(user);
        }
        Problems.assertProblem(stack.get("/tracer/api/v1/usage/" + dt("S2-u2-rows"), stack.tokenOf("u1")), 403, "not-yours");
        Problems.assertProblem(stack.get("/tracer/api/v1/usage/" + UNION, stack.tokenOf("u1")), 403, "not-yours");
    }

    @Test
    void only_the_user_consents_and_withdrawing_it_deauthorizes_the_job_until_they_consent_again() {
        var tokens = new Web3jDataTokenLedger(AssetWorld.operator, AssetWorld.contract("DataTokenRegistry"));
        String u1 = dt("S2-u1-rows");
        String consent = "{\"child\":\"" + u1 + "\",\"parent\":\"" + UNION + "\"}";

        Problems.assertProblem(post(stack.services() + "/verifier/api/v1/authorizations", "victor", consent), 409,
                "not-end-user-owner");
        Problems.assertProblem(post(device("u1") + "/v1/device/consents", "u2", consent), 403, "not-your-device");
        assertThat(post(device("u1") + "/v1/device/consents", "u1", consent).statusCode()).as("a consent that stands")
                .isEqualTo(200);

        var withdrawn = stack.delete(URI.create(device("u1") + "/v1/device/consents?child=" + u1 + "&parent=" + UNION),
                stack.tokenOf("u1"));
        assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
        assertThat(tokens.isActive(DataTokenId.of(ALGORITHM))).as("no job over the algorithm is authorized").isFalse();
        Problems.assertProblem(stack.delete(URI.create(device("u1") + "/v1/device/consents?child=" + u1 + "&parent="
                + UNION), stack.tokenOf("u1")), 404, "no-consent");

        var again = post(device("u1") + "/v1/device/consents", "u1", consent);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
        assertThat(tokens.isActive(DataTokenId.of(ALGORITHM))).isTrue();
    }

    @Test
    void a_device_refuses_a_composition_that_breaks_its_users_terms_with_its_own_verdict() throws Exception {
        String u2 = dt("S2-u2-rows");
        String aggregator = dt("S2-aggregator");
        String other = AssetWorld.newDt();
        String ddo = "{\"dt\":\"" + other + "\",\"kind\":\"COMPUTE\",\"title\":\"Another union\",\"owner\":\"vendor-a\","
                + "\"services\":[{\"type\":\"data-union\",\"endpoint\":\"" + stack.computeNode("vendor-a") + "\","
                + "\"supportedOps\":[\"" + opHash("edge-train") + "\"],"
                + "\"childDts\":[\"" + u2 + "\",\"" + aggregator + "\"],\"workflow\":{\"setOps\":{\"" + u2 + "\":\""
                + opHash("edge-train") + "\"},\"configs\":{}},"
                + "\"terms\":{\"purpose\":\"advertising\"}}]}";
        assertThat(AssetWorld.register(stack.tokenOf("victor"), ddo).statusCode()).isEqualTo(201);

        JsonNode refused = Problems.assertProblem(post(device("u2") + "/v1/device/consents", "u2",
                "{\"child\":\"" + u2 + "\",\"parent\":\"" + other + "\"}"), 409, "terms-not-met");
        assertThat(refused.at("/verdict/passed").asBoolean()).isFalse();
        assertThat(refused.get("verdict").get("denials").findValuesAsText("rule")).containsExactly("purpose");
        Problems.assertProblem(post(device("u2") + "/v1/device/consents", "u2",
                "{\"child\":\"" + u2 + "\",\"parent\":\"" + ALGORITHM + "\"}"), 400, "not-a-child");
        Problems.assertProblem(post(device("u2") + "/v1/device/consents", "u2",
                "{\"child\":\"" + dt("S2-u1-rows") + "\",\"parent\":\"" + UNION + "\"}"), 403, "not-your-asset");
    }

    @Test
    void a_request_a_device_refuses_shows_at_the_tracer_signed_by_the_users_own_account() throws Exception {
        String u1 = dt("S2-u1-rows");
        var asked = post(stack.services() + "/job/api/v1/jobs/" + job.value() + "/execution-requests", "mia",
                "{\"dt\":\"" + u1 + "\",\"op\":\"" + opHash("edge-train") + "\"}");
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(200);
        JsonNode request = Stack.JSON.readTree(asked.body());

        JsonNode atDevice = Problems.assertProblem(post(device("u1") + "/v1/executions", "mia", request.toString()), 409,
                "execution-refused");
        assertThat(atDevice.get("reasons")).extracting(JsonNode::asText).containsExactly("job-not-running");
        JsonNode atVendor = Problems.assertProblem(post(stack.computeNode("vendor-a") + "/v1/executions", "mia",
                request.toString()), 409, "execution-refused");
        assertThat(atVendor.get("reasons")).extracting(JsonNode::asText).as("the vendor's node never runs a user's data")
                .containsExactlyInAnyOrder("job-not-running", "not-this-nodes-asset");

        String account = Stack.JSON.readTree(stack.get(URI.create(device("u1") + "/v1/device"), stack.tokenOf("u1"))
                .body()).get("account").asText();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode refusals = Stack.JSON.readTree(stack.get("/tracer/api/v1/refusals?dt=" + u1, stack.tokenOf("rita"))
                    .body());
            assertThat(refusals).anySatisfy(r -> {
                assertThat(r.get("organization").asText()).isEqualTo("vendor-a");
                assertThat(r.get("signer").asText()).as("the device's: the user's own account").isEqualToIgnoringCase(account);
                assertThat(r.get("code").asText()).isEqualTo("job-not-running");
            });
        });
    }

    @Test
    void an_end_users_data_is_theirs_alone_to_register_and_bind() {
        String owner = "{\"dt\":\"" + AssetWorld.newDt() + "\",\"kind\":\"DATA\",\"title\":\"t\",\"owner\":\"%s\","
                + "\"services\":[{\"type\":\"compute-to-data\",\"endpoint\":\"" + device("u3") + "\",\"terms\":{%s}}]}";
        Problems.assertProblem(post(device("u3") + "/v1/device/assets", "u3", owner.formatted("bank-a", "")), 403,
                "not-your-organization");
        Problems.assertProblem(post(device("u3") + "/v1/device/assets", "u3", owner.formatted("vendor-a", "\"maxUses\":3")),
                400, "max-uses-unsupported");
        Problems.assertProblem(post(device("u3") + "/v1/device/assets", "u3", "{\"dt\":\"0x12\"}"), 400, "invalid-ddo");
        Problems.assertProblem(post(device("u3") + "/v1/device/consents", "u3", ""), 400, "malformed-json");
        Problems.assertProblem(post(device("u3") + "/v1/device/consents", "u3", "{\"child\":"), 400, "malformed-json");
        Problems.assertProblem(stack.get(URI.create(stack.computeNode("vendor-a") + "/v1/device"), stack.tokenOf("victor")),
                404, "not-a-device-node");

        String bind = "{\"dt\":\"" + dt("S2-u3-rows") + "\",\"kind\":\"CSV\",\"location\":\"s2-rows.csv\"}";
        Problems.assertProblem(post(stack.computeNode("vendor-a") + "/v1/datasets", "victor", bind), 403,
                "not-this-nodes-asset");
        Problems.assertProblem(post(device("u3") + "/v1/datasets", "u3", "{\"dt\":\"" + dt("S2-u1-rows")
                + "\",\"kind\":\"CSV\",\"location\":\"s2-rows.csv\"}"), 403, "not-this-nodes-asset");
    }
}
