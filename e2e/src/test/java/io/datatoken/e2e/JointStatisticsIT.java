package io.datatoken.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import io.datatoken.chain.Web3jTaskMarketLedger;
import io.datatoken.domain.market.JobId;
import io.datatoken.domain.market.JobState;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Statistics over two banks' columns end to end: {@code ./datatoken demo stats} on the test instance —
 * by secret sharing (moment shares to two compute nodes, partial sums to fintech-c's node) and by
 * Paillier outsourcing (vendor-a's key, each bank encrypting its column, bank-a's node adding what it
 * cannot read, vendor-a decrypting the sum) — checked here against the plaintext statistics of the very
 * files the banks bound on their nodes.
 */
class JointStatisticsIT {

    @TempDir
    static Path scratch;

    static Stack stack;
    static String output;
    static JobId job;
    static JobId paillierJob;

    @BeforeAll
    static void runTheDemo() throws Exception {
        AssetWorld.enter();
        stack = AssetWorld.stack;
        Launcher.Demo demo = Launcher.demo(scratch, "stats");
        output = demo.output();
        job = demo.job();
        assertThat(demo.jobs()).as(output).hasSize(2);
        paillierJob = demo.jobs().get(1);
    }

    private static List<Double> column(String organization, String file) throws IOException {
        List<Double> values = new ArrayList<>();
        Files.readAllLines(stack.computeDatasets(organization).resolve(file)).stream().skip(1)
                .filter(l -> !l.isBlank()).forEach(l -> values.add(Double.parseDouble(l)));
        return values;
    }

    @Test
    void the_recipient_holds_the_plaintext_count_mean_and_variance_of_both_banks_rows() throws Exception {
        List<Double> all = both();
        double mean = all.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double sampleVariance = all.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / (all.size() - 1);

        var result = stack.get(URI.create(stack.computeNode("fintech-c") + "/v1/results/" + job.value()),
                stack.tokenOf("carol"));
        assertThat(result.statusCode()).as(result.body()).isEqualTo(200);
        JsonNode outcome = Stack.JSON.readTree(result.body()).get("outcome");
        assertThat(Stack.JSON.readTree(result.body()).get("kind").asText()).isEqualTo("joint-statistics");
        assertThat(outcome.get("count").asLong()).isEqualTo(all.size()).isEqualTo(550);
        assertThat(outcome.get("mean").asDouble()).isCloseTo(mean, offset(Math.pow(2, -16)));
        assertThat(outcome.get("sampleVariance").asDouble()).isCloseTo(sampleVariance, offset(1e-3));
        assertThat(outcome.get("parties")).hasSize(2);
        assertThat(output).contains("demo: statistics done");
    }

    private static List<Double> both() throws IOException {
        List<Double> all = new ArrayList<>(column("bank-a", "st-incomes-a.csv"));
        all.addAll(column("bank-b", "st-incomes-b.csv"));
        return all;
    }

    @Test
    void the_key_holder_decrypts_the_plaintext_sum_which_the_adding_node_could_not_read() throws Exception {
        List<Double> all = both();
        double sum = all.stream().mapToDouble(Double::doubleValue).sum();

        var result = stack.get(URI.create(stack.computeNode("vendor-a") + "/v1/results/" + paillierJob.value()),
                stack.tokenOf("victor"));
        assertThat(result.statusCode()).as(result.body()).isEqualTo(200);
        JsonNode body = Stack.JSON.readTree(result.body());
        assertThat(body.get("kind").asText()).isEqualTo("paillier-aggregate");
        assertThat(body.at("/outcome/count").asLong()).isEqualTo(all.size());
        assertThat(Double.parseDouble(body.at("/outcome/sum").asText())).isCloseTo(sum, offset(1e-6));
        assertThat(Double.parseDouble(body.at("/outcome/mean").asText())).isCloseTo(sum / all.size(), offset(1e-9));

        var adder = stack.get(URI.create(stack.computeNode("bank-a") + "/v1/runs?job=" + paillierJob.value()),
                stack.tokenOf("rita"));
        assertThat(Stack.JSON.readTree(adder.body()).findValuesAsText("opName"))
                .containsExactlyInAnyOrder("paillier-encrypt", "paillier-sum");
        Problems.assertProblem(stack.get(URI.create(stack.computeNode("bank-a") + "/v1/results/" + paillierJob.value()),
                stack.tokenOf("alice")), 404, "no-result-yet");
        var market = new Web3jTaskMarketLedger(AssetWorld.operator, AssetWorld.contract("TaskMarket"));
        assertThat(market.receipts(paillierJob)).extracting(r -> r.party().value())
                .containsExactlyInAnyOrder("bank-a", "bank-a", "bank-b", "vendor-a");
    }

    @Test
    void every_party_ran_its_op_on_its_own_node_and_the_job_succeeded() throws Exception {
        var market = new Web3jTaskMarketLedger(AssetWorld.operator, AssetWorld.contract("TaskMarket"));
        assertThat(market.findJob(job)).hasValueSatisfying(j -> assertThat(j.state()).isEqualTo(JobState.SUCCEEDED));
        assertThat(market.receipts(job)).extracting(r -> r.party().value())
                .containsExactlyInAnyOrder("bank-a", "bank-a", "bank-b", "bank-b");

        for (String bank : List.of("bank-a", "bank-b")) {
            var runs = stack.get(URI.create(stack.computeNode(bank) + "/v1/runs?job=" + job.value()), stack.tokenOf("rita"));
            JsonNode list = Stack.JSON.readTree(runs.body());
            assertThat(list.findValuesAsText("opName")).containsExactlyInAnyOrder("stats-share", "stats-sum");
            assertThat(list.findValuesAsText("state")).containsOnly("SUCCEEDED");
        }
        Problems.assertProblem(stack.get(URI.create(stack.computeNode("bank-a") + "/v1/results/" + job.value()),
                stack.tokenOf("carol")), 403, "not-yours");
    }
}
