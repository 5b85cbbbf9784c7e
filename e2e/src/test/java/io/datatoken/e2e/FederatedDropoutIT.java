package io.datatoken.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import io.datatoken.chain.Web3jTaskMarketLedger;
import io.datatoken.domain.market.ExecutionReceipt;
import io.datatoken.domain.market.JobId;
import io.datatoken.domain.market.JobState;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dropouts in scenario S2: {@code ./datatoken demo s2 --dropouts 1} on the test instance — u3's device
 * takes part with a token but no rows, so its run fails in the first round; vendor-a's union tolerates
 * one dropout (threshold 2, {@code dropout_after} 10 s). The aggregator goes on with u1's and u2's
 * devices, secure aggregation unmasks their sum without u3, and the job succeeds without u3's receipt.
 */
class FederatedDropoutIT {

    @TempDir
    static Path scratch;

    static Stack stack;
    static String output;
    static JobId job;

    @BeforeAll
    static void runTheDemo() throws Exception {
        AssetWorld.enter();
        stack = AssetWorld.stack;
        Launcher.Demo demo = Launcher.demo(scratch, "s2", "--dropouts", "1");
        output = demo.output();
        job = demo.job();
    }

    private static String dt(String name) {
        return "0x" + AssetWorld.sha256(("datatoken-demo:" + name).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void the_job_succeeds_on_the_receipts_of_the_devices_that_stayed_and_the_aggregators() {
        var market = new Web3jTaskMarketLedger(AssetWorld.operator, AssetWorld.contract("TaskMarket"));

        assertThat(market.findJob(job)).hasValueSatisfying(j -> assertThat(j.state()).isEqualTo(JobState.SUCCEEDED));
        assertThat(market.receipts(job)).extracting(r -> r.dt().value())
                .containsExactlyInAnyOrder(dt("S2-u1-rows"), dt("S2-u2-rows"), dt("S2-aggregator"))
                .doesNotContain(dt("S2-u3-rows-unbound"));
        assertThat(market.receipts(job)).extracting(ExecutionReceipt::result).doesNotHaveDuplicates();
    }

    @Test
    void the_job_service_says_which_device_dropped_out_and_why() throws Exception {
        JsonNode view = Stack.JSON.readTree(stack.get("/job/api/v1/jobs/" + job.value(), stack.tokenOf("mia")).body());

        assertThat(view.get("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(view.get("detail").asText()).contains("dropped out", dt("S2-u3-rows-unbound"), "no dataset is bound");
        assertThat(view.get("parties")).anySatisfy(p -> {
            assertThat(p.get("dt").asText()).isEqualTo(dt("S2-u3-rows-unbound"));
            assertThat(p.get("state").asText()).isEqualTo("FAILED");
        });
        JsonNode aggregator = Stack.JSON.readTree(stack.get(URI.create(stack.computeNode("vendor-a") + "/v1/runs?job="
                + job.value()), stack.tokenOf("rita")).body());
        assertThat(aggregator.findValuesAsText("detail")).anySatisfy(d -> assertThat(d).contains("1 of them dropped out"));
    }

    @Test
    void the_model_comes_from_the_remaining_devices_rows_within_one_point_of_central_training_on_them() throws Exception {
        List<double[]> training = new ArrayList<>();
        for (String user : List.of("u1", "u2")) {
            training.addAll(CentralTraining.rows(stack.deviceDatasets("vendor-a", user).resolve("s2-rows.csv")));
        }
        List<double[]> test = CentralTraining.rows(stack.computeDatasets("medco-b").resolve("s2-test.csv"));

        var result = stack.get(URI.create(stack.computeNode("medco-b") + "/v1/results/" + job.value()), stack.tokenOf("mia"));
        assertThat(result.statusCode()).as(result.body()).isEqualTo(200);
        JsonNode outcome = Stack.JSON.readTree(result.body()).get("outcome");
        assertThat(outcome.get("samples").asInt()).as("u3 contributed nothing").isEqualTo(training.size());
        assertThat(outcome.get("contributors")).hasSize(2);
        assertThat(outcome.get("testAccuracy").asDouble())
                .isCloseTo(CentralTraining.accuracy(CentralTraining.model(training), test), offset(CentralTraining.ONE_POINT));
        assertThat(output).contains("no rows bound: this device will drop out", "their device dropped out",
                "demo: S2 done");
    }
}
