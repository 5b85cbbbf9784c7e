package io.datatoken.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.datatoken.chain.Web3jTaskMarketLedger;
import io.datatoken.domain.market.ExecutionReceipt;
import io.datatoken.domain.market.JobId;
import io.datatoken.domain.market.JobState;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario S3 end to end: {@code ./datatoken demo s3} on the test instance — vendor-a's prospects and
 * bank-b's clients intersected by ECDH-PSI between the two organizations' compute nodes (JVM op
 * packages built by the privacy module, published as trusted ops) — then what the chain, the nodes
 * and the tracer say, checked here against the plaintext intersection rather than the demo's word.
 */
class ScenarioS3IT {

    @TempDir
    static Path scratch;

    static Stack stack;
    static String output;
    static JobId job;

    @BeforeAll
    static void runTheDemo() throws Exception {
        AssetWorld.enter();
        stack = AssetWorld.stack;
        Launcher.Demo demo = Launcher.demo(scratch, "s3");
        output = demo.output();
        job = demo.job();
    }

    /** The demo's lists, as dev/demo/s3.mjs makes them: prospects 7i (i < 400), clients 5i + 3 (i < 600). */
    private static List<String> plaintextIntersection() {
        Set<Integer> clients = new TreeSet<>();
        IntStream.range(0, 600).forEach(i -> clients.add(i * 5 + 3));
        return IntStream.range(0, 400).map(i -> i * 7).filter(clients::contains)
                .mapToObj(n -> String.format("person-%05d", n)).sorted().toList();
    }

    private static String dt(String name) {
        return "0x" + AssetWorld.sha256(("datatoken-demo:" + name).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void the_demo_checks_the_intersection_and_prints_the_whole_lifecycle() {
        assertThat(output).contains("==> 2. trusted ops", "psi-request", "psi-respond", "==> 4. each list bound",
                "==> 5. verification", "==> 7. authorizations", "==> 8. run", "receipts on chain", "==> 9. results",
                "==> 10. the regulator", "demo: S3 done");
    }

    @Test
    void the_chain_holds_a_receipt_from_each_partys_own_node_and_the_job_succeeded() {
        var market = new Web3jTaskMarketLedger(AssetWorld.operator, AssetWorld.contract("TaskMarket"));

        assertThat(market.findJob(job)).hasValueSatisfying(j -> assertThat(j.state()).isEqualTo(JobState.SUCCEEDED));
        List<ExecutionReceipt> receipts = market.receipts(job);
        assertThat(receipts).extracting(r -> r.party().value()).containsExactlyInAnyOrder("vendor-a", "bank-b");
        assertThat(receipts.stream().map(ExecutionReceipt::recordedBy).distinct()).hasSize(2);
    }

    @Test
    void the_requester_holds_exactly_the_plaintext_intersection_and_the_responder_only_its_size() throws Exception {
        var atVendor = stack.get(URI.create(stack.computeNode("vendor-a") + "/v1/results/" + job.value()),
                stack.tokenOf("victor"));
        assertThat(atVendor.statusCode()).as(atVendor.body()).isEqualTo(200);
        JsonNode intersection = Stack.JSON.readTree(atVendor.body());
        assertThat(intersection.get("kind").asText()).isEqualTo("psi-intersection");
        List<String> expected = plaintextIntersection();
        assertThat(expected).hasSizeGreaterThan(5);
        assertThat(Stack.JSON.convertValue(intersection.at("/outcome/intersection"), String[].class))
                .containsExactlyElementsOf(expected);

        var atBank = stack.get(URI.create(stack.computeNode("bank-b") + "/v1/results/" + job.value()),
                stack.tokenOf("bob"));
        assertThat(atBank.statusCode()).as(atBank.body()).isEqualTo(200);
        JsonNode size = Stack.JSON.readTree(atBank.body());
        assertThat(size.get("kind").asText()).isEqualTo("psi-size");
        assertThat(size.at("/outcome/size").asInt()).isEqualTo(expected.size());
        assertThat(atBank.body()).doesNotContain("person-");
    }

    @Test
    void neither_party_reads_the_others_result_nor_does_the_regulator_read_either() {
        Problems.assertProblem(stack.get(URI.create(stack.computeNode("vendor-a") + "/v1/results/" + job.value()),
                stack.tokenOf("bob")), 403, "not-yours");
        Problems.assertProblem(stack.get(URI.create(stack.computeNode("bank-b") + "/v1/results/" + job.value()),
                stack.tokenOf("victor")), 403, "not-yours");
        Problems.assertProblem(stack.get(URI.create(stack.computeNode("vendor-a") + "/v1/results/" + job.value()),
                stack.tokenOf("carol")), 403, "not-yours");
    }

    @Test
    void each_node_reports_its_steps_without_a_single_identifier() throws Exception {
        String regulator = stack.tokenOf("rita");
        var vendor = stack.get(URI.create(stack.computeNode("vendor-a") + "/v1/runs?job=" + job.value()), regulator);
        var bank = stack.get(URI.create(stack.computeNode("bank-b") + "/v1/runs?job=" + job.value()), regulator);

        assertThat(Stack.JSON.readTree(vendor.body())).singleElement().satisfies(run -> {
            assertThat(run.get("opName").asText()).isEqualTo("psi-request");
            assertThat(run.get("state").asText()).isEqualTo("SUCCEEDED");
            assertThat(run.get("detail").asText()).contains("intersection", "size went to the responder");
        });
        assertThat(Stack.JSON.readTree(bank.body())).singleElement().satisfies(run -> {
            assertThat(run.get("opName").asText()).isEqualTo("psi-respond");
            assertThat(run.get("state").asText()).isEqualTo("SUCCEEDED");
        });
        assertThat(vendor.body() + bank.body()).doesNotContain("person-");
    }

    @Test
    void the_regulator_traces_every_use_of_the_banks_list() throws Exception {
        String clients = dt("S3-clients");
        String rita = stack.tokenOf("rita");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            var usage = stack.get("/tracer/api/v1/usage/" + clients, rita);
            assertThat(usage.statusCode()).as(usage.body()).isEqualTo(200);
            JsonNode body = Stack.JSON.readTree(usage.body());
            assertThat(body.get("compositions")).extracting(c -> c.get("dt").asText()).contains(dt("S3-query"));
            assertThat(body.get("jobs")).anySatisfy(j -> {
                assertThat(j.get("job").asText()).isEqualTo(job.value());
                assertThat(j.get("owner").asText()).isEqualTo("vendor-a");
            });
            assertThat(body.get("receipts")).filteredOn(r -> r.get("job").asText().equals(job.value()))
                    .extracting(r -> r.get("party").asText()).containsExactlyInAnyOrder("vendor-a", "bank-b");
            assertThat(body.get("grants")).anySatisfy(g -> assertThat(g.get("by").asText()).isNotBlank());
        });
        var audit = stack.get("/tracer/api/v1/audit?org=bank-b&dt=" + clients, rita);
        assertThat(audit.statusCode()).as(audit.body()).isEqualTo(200);
        assertThat(Stack.JSON.readTree(audit.body()).get("entries").findValuesAsText("event")).contains("Granted");
    }

    @Test
    void a_list_of_identifiers_is_refused_with_weights_or_from_outside_the_datasets_directory() {
        String bob = stack.tokenOf("bob");
        URI datasets = URI.create(stack.computeNode("bank-b") + "/v1/datasets");
        String clients = dt("S3-clients");

        JsonNode withWeights = Problems.assertProblem(stack.post(datasets, bob, "application/json", ("{\"dt\":\"" + clients
                + "\",\"kind\":\"ITEMS\",\"location\":\"s3-clients.csv\",\"weights\":\"w.csv\"}")
                .getBytes(StandardCharsets.UTF_8)), 400, "invalid-input");
        assertThat(withWeights.get("detail").asText()).contains("takes no weights");
        Problems.assertProblem(stack.post(datasets, bob, "application/json", ("{\"dt\":\"" + clients + "\",\"kind\":\"ITEMS\","
                + "\"location\":\"../secret.csv\"}").getBytes(StandardCharsets.UTF_8)), 400, "invalid-input");
    }
}
