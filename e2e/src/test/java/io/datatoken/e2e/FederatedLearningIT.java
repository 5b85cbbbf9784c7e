package io.datatoken.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import io.datatoken.chain.Web3jTaskMarketLedger;
import io.datatoken.domain.market.JobId;
import io.datatoken.domain.market.JobState;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Federated learning with secure aggregation end to end: {@code ./datatoken demo fl} on the test
 * instance — three organizations' rows on their own nodes, vendor-a's node averaging masked updates
 * over five rounds, the model at fintech-c's node — checked here against a logistic regression trained
 * centrally on the very rows the devices bound, and tested on fintech-c's test set.
 */
class FederatedLearningIT {

    private static final Pattern JOB = Pattern.compile("job {2}(0x[0-9a-f]{64}) SUBMITTED");

    @TempDir
    static Path scratch;

    static Stack stack;
    static String output;
    static JobId job;

    @BeforeAll
    static void runTheDemo() throws Exception {
        AssetWorld.enter();
        stack = AssetWorld.stack;
        Launcher.Demo demo = Launcher.demo(scratch, "fl");
        output = demo.output();
        job = demo.job();
    }

    @Test
    void the_federated_model_is_within_one_point_of_central_training_on_the_same_rows() throws Exception {
        List<double[]> training = new ArrayList<>();
        for (String device : List.of("bank-a", "bank-b", "vendor-a")) {
            training.addAll(rows(device, "fl-rows-" + device + ".csv"));
        }
        List<double[]> test = rows("fintech-c", "fl-test.csv");
        double central = CentralTraining.accuracy(CentralTraining.model(training), test);

        var result = stack.get(URI.create(stack.computeNode("fintech-c") + "/v1/results/" + job.value()),
                stack.tokenOf("carol"));
        assertThat(result.statusCode()).as(result.body()).isEqualTo(200);
        JsonNode body = Stack.JSON.readTree(result.body());
        assertThat(body.get("kind").asText()).isEqualTo("federated-model");
        JsonNode outcome = body.get("outcome");
        assertThat(outcome.get("rounds").asInt()).isEqualTo(5);
        assertThat(outcome.get("samples").asInt()).isEqualTo(training.size());
        assertThat(outcome.get("testRows").asInt()).isEqualTo(test.size());
        double[] weights = Stack.JSON.convertValue(outcome.at("/model/weights"), double[].class);
        assertThat(weights).hasSize(CentralTraining.FEATURES + 1);
        assertThat(outcome.get("testAccuracy").asDouble()).as("measured by fintech-c's node on its test set")
                .isCloseTo(CentralTraining.accuracy(weights, test), offset(1e-12))
                .isCloseTo(central, offset(CentralTraining.ONE_POINT));
    }

    @Test
    void every_device_and_the_aggregator_ran_on_their_own_nodes_and_only_fintech_c_reads_the_model() throws Exception {
        var market = new Web3jTaskMarketLedger(AssetWorld.operator, AssetWorld.contract("TaskMarket"));
        assertThat(market.findJob(job)).hasValueSatisfying(j -> assertThat(j.state()).isEqualTo(JobState.SUCCEEDED));
        assertThat(market.receipts(job)).extracting(r -> r.party().value())
                .containsExactlyInAnyOrder("bank-a", "bank-b", "vendor-a", "vendor-a");

        var aggregator = stack.get(URI.create(stack.computeNode("vendor-a") + "/v1/runs?job=" + job.value()),
                stack.tokenOf("rita"));
        assertThat(Stack.JSON.readTree(aggregator.body()).findValuesAsText("opName"))
                .containsExactlyInAnyOrder("edge-train", "fed-avg");
        assertThat(Stack.JSON.readTree(aggregator.body()).findValuesAsText("state")).containsOnly("SUCCEEDED");
        Problems.assertProblem(stack.get(URI.create(stack.computeNode("fintech-c") + "/v1/results/" + job.value()),
                stack.tokenOf("victor")), 403, "not-yours");
        Problems.assertProblem(stack.get(URI.create(stack.computeNode("vendor-a") + "/v1/results/" + job.value()),
                stack.tokenOf("victor")), 404, "no-result-yet");
        assertThat(output).contains("demo: federated learning done");
    }

    private static List<double[]> rows(String organization, String file) throws IOException {
        return CentralTraining.rows(stack.computeDatasets(organization).resolve(file));
    }
}
