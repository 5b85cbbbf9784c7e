package io.datatoken.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.datatoken.chain.Web3jTaskMarketLedger;
import io.datatoken.domain.market.ExecutionReceipt;
import io.datatoken.domain.market.JobId;
import io.datatoken.domain.market.JobState;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario S1 end to end: {@code ./datatoken demo s1} on the test instance, three organizations'
 * compute nodes as separate processes; then what the chain and the nodes say about the job,
 * checked here rather than taken from the demo's word.
 */
class ScenarioS1IT {

    @TempDir
    static Path scratch;

    static Stack stack;
    static String output;
    static JobId job;

    @BeforeAll
    static void runTheDemo() throws Exception {
        AssetWorld.enter();
        stack = AssetWorld.stack;
        Launcher.Demo demo = Launcher.demo(scratch, "s1");
        output = demo.output();
        job = demo.job();
    }

    private static String launcher(String... arguments) throws Exception {
        return Launcher.run(scratch, arguments);
    }

    @Test
    void the_demo_checks_z_against_the_plaintext_sum_and_prints_the_whole_lifecycle() {
        assertThat(output).contains("==> 1. organizations", "==> 3. assets", "==> 5. verification", "==> 6. task and job",
                "==> 7. authorizations", "==> 8. run", "receipts on chain", "==> 9. the result",
                "demo: S1 done: Z equals the plaintext sum within the fixed-point tolerance");
    }

    @Test
    void the_chain_holds_one_receipt_per_party_signed_by_that_banks_node_and_the_job_succeeded() {
        var market = new Web3jTaskMarketLedger(AssetWorld.operator, AssetWorld.contract("TaskMarket"));

        assertThat(market.findJob(job)).hasValueSatisfying(j -> assertThat(j.state()).isEqualTo(JobState.SUCCEEDED));
        List<ExecutionReceipt> receipts = market.receipts(job);
        assertThat(receipts).hasSize(4);
        assertThat(receipts).extracting(r -> r.party().value())
                .containsExactlyInAnyOrder("bank-a", "bank-a", "bank-b", "bank-b");
        // each bank's receipts come from one account, its node's, and the two banks' differ
        assertThat(receipts.stream().filter(r -> r.party().value().equals("bank-a")).map(r -> r.recordedBy()).distinct())
                .hasSize(1);
        assertThat(receipts.stream().map(r -> r.recordedBy()).distinct()).hasSize(2);
    }

    @Test
    void every_party_node_ran_its_ops_and_reports_them() throws Exception {
        String regulator = stack.tokenOf("rita");
        for (String bank : List.of("bank-a", "bank-b")) {
            var runs = stack.get(URI.create(stack.computeNode(bank) + "/v1/runs?job=" + job.value()), regulator);
            assertThat(runs.statusCode()).as(runs.body()).isEqualTo(200);
            JsonNode list = Stack.JSON.readTree(runs.body());
            assertThat(list).hasSize(2);
            assertThat(list.findValuesAsText("opName")).containsExactlyInAnyOrder("ss-share", "secure-sum");
            assertThat(list.findValuesAsText("state")).containsOnly("SUCCEEDED");
        }
    }

    @Test
    void the_tracer_shows_bank_as_data_used_by_the_fintechs_job_with_every_partys_receipt() throws Exception {
        String aData = "0x" + AssetWorld.sha256("datatoken-demo:A-data".getBytes(StandardCharsets.UTF_8));
        String algorithm = "0x" + AssetWorld.sha256("datatoken-demo:C-algorithm".getBytes(StandardCharsets.UTF_8));
        String alice = stack.tokenOf("alice");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            var usage = stack.get("/tracer/api/v1/usage/" + aData, alice);
            assertThat(usage.statusCode()).as(usage.body()).isEqualTo(200);
            JsonNode body = Stack.JSON.readTree(usage.body());
            assertThat(body.get("compositions")).extracting(c -> c.get("dt").asText()).contains(algorithm);
            assertThat(body.get("jobs")).anySatisfy(j -> {
                assertThat(j.get("job").asText()).isEqualTo(job.value());
                assertThat(j.get("state").asText()).isEqualTo("SUCCEEDED");
            });
            assertThat(body.get("receipts")).filteredOn(r -> r.get("job").asText().equals(job.value()))
                    .extracting(r -> r.get("party").asText()).containsExactlyInAnyOrder("bank-a", "bank-a", "bank-b", "bank-b");
        });
        // the op each level applies, from the algorithm's verified document (read after its registration)
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            var down = stack.get("/tracer/api/v1/lineage/" + algorithm + "?direction=down", stack.tokenOf("rita"));
            assertThat(down.statusCode()).as(down.body()).isEqualTo(200);
            JsonNode edges = Stack.JSON.readTree(down.body()).get("edges");
            assertThat(edges).filteredOn(e -> e.get("child").asText().equals(aData)).singleElement()
                    .satisfies(e -> {
                        assertThat(e.at("/op/status").asText()).isEqualTo("KNOWN");
                        assertThat(e.at("/op/opName").asText()).isEqualTo("ss-share");
                    });
            assertThat(edges.findValuesAsText("opName")).contains("ss-share", "secure-sum");
        });
        var plain = stack.get("/tracer/api/v1/usage/" + aData, alice);
        assertThat(plain.headers().firstValue("Content-Type")).as("JSON unless CSV is asked for by name")
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode usage = Stack.JSON.readTree(plain.body());
        assertThat(usage.get("receipts")).filteredOn(r -> r.get("job").asText().equals(job.value()))
                .allSatisfy(r -> {
                    assertThat(r.get("recordedBy").asText()).matches("0x[0-9a-f]{40}");
                    assertThat(r.get("recordedAt").asText()).isNotBlank();
                });
        Problems.assertProblem(stack.get("/tracer/api/v1/usage/" + aData, stack.tokenOf("victor")), 403, "not-yours");
        var csv = Stack.send(HttpRequest.newBuilder(URI.create(stack.services() + "/tracer/api/v1/usage/" + aData))
                .header("Authorization", "Bearer " + stack.tokenOf("rita")).header("Accept", "text/csv").GET().build());
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.body().lines().filter(l -> l.contains(",receipt," + job.value() + ",")).count()).isEqualTo(4);
    }

    @Test
    void bank_as_audit_shows_its_nodes_receipts_and_the_regulator_sees_every_organizations() throws Exception {
        String alice = stack.tokenOf("alice");
        String rita = stack.tokenOf("rita");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            var audit = stack.get("/tracer/api/v1/audit?event=ReceiptRecorded&limit=1000", alice);
            assertThat(audit.statusCode()).as(audit.body()).isEqualTo(200);
            JsonNode receipts = Stack.JSON.readTree(audit.body()).get("entries");
            // bank-a's node recorded its two receipts of the job as bank-a; bank-b's two name bank-a's data
            // only through the job's algorithm, so they concern bank-a as an owner, not as the actor
            List<JsonNode> ofJob = new ArrayList<>();
            receipts.forEach(r -> {
                if (r.get("fields").get("jobId").asText().equals(job.value())) {
                    ofJob.add(r);
                }
            });
            assertThat(ofJob).filteredOn(r -> "bank-a".equals(r.path("senderOrganization").asText()))
                    .hasSize(2).allSatisfy(r -> assertThat(r.get("at").asText()).isNotBlank());
        });
        var bankB = stack.get("/tracer/api/v1/audit?org=bank-b&event=ReceiptRecorded", rita);
        assertThat(bankB.statusCode()).as(bankB.body()).isEqualTo(200);
        assertThat(Stack.JSON.readTree(bankB.body()).get("entries").findValuesAsText("senderOrganization"))
                .contains("bank-b");
        var everyone = Stack.JSON.readTree(stack.get("/tracer/api/v1/audit?limit=1000", rita).body());
        assertThat(everyone.get("entries").findValuesAsText("organization"))
                .contains("bank-a", "bank-b", "fintech-c");
        Problems.assertProblem(stack.get("/tracer/api/v1/audit?org=bank-a", stack.tokenOf("victor")), 403, "not-yours");
        Problems.assertProblem(stack.get("/tracer/api/v1/audit?since=yesterday", rita), 400, "malformed-since");
        var csv = Stack.send(HttpRequest.newBuilder(URI.create(stack.services()
                        + "/tracer/api/v1/audit?org=bank-a&event=ReceiptRecorded&limit=1"))
                .header("Authorization", "Bearer " + rita).header("Accept", "text/csv").GET().build());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body().lines().findFirst()).hasValue("block,time,transaction,log_index,contract,event,sender,"
                + "sender_organization,organization,relation,fields");
        assertThat(csv.headers().firstValue("Link")).hasValueSatisfying(link -> assertThat(link)
                .contains("before=").contains("rel=\"next\""));
    }

    @Test
    void datatoken_trace_prints_the_lineage_and_the_jobs_receipts_of_bank_as_data() {
        String aData = "0x" + AssetWorld.sha256("datatoken-demo:A-data".getBytes(StandardCharsets.UTF_8));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            String trace = launcher("trace", aData);
            assertThat(trace).contains("DATA of bank-a", "used by (lineage up):", "ALGORITHM fintech-c",
                    "job " + job.value().substring(0, 10), "op ss-share", "refused requests");
            assertThat(trace.lines().filter(l -> l.contains("receipt ")).count()).isGreaterThanOrEqualTo(4);
        });
    }

    @Test
    void only_the_algorithm_owner_reads_the_result_and_only_on_its_own_node() {
        var carolAtHome = stack.get(URI.create(stack.computeNode("fintech-c") + "/v1/results/" + job.value()),
                stack.tokenOf("carol"));
        assertThat(carolAtHome.statusCode()).as(carolAtHome.body()).isEqualTo(200);

        var carolAtABank = stack.get(URI.create(stack.computeNode("bank-a") + "/v1/results/" + job.value()),
                stack.tokenOf("carol"));
        Problems.assertProblem(carolAtABank, 403, "not-yours");
        var anotherOrganization = stack.get(URI.create(stack.computeNode("fintech-c") + "/v1/results/" + job.value()),
                stack.tokenOf("mia"));
        Problems.assertProblem(anotherOrganization, 403, "not-yours");
    }
}
