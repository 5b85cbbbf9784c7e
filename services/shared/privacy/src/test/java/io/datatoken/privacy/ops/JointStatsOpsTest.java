package io.datatoken.privacy.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The joint-statistics ops as the sandbox runs them: JSON in, JSON out, parties to nodes to recipient. */
class JointStatsOpsTest {

    private static final int NODES = 2;

    @Test
    void threePartiesSharesAddedByTwoNodesGiveThePlaintextStatistics() {
        Random random = new Random(7);
        List<double[]> columns = List.of(column(random, 40), column(random, 25), column(random, 1));
        List<String> parties = List.of("bank-a", "bank-b", "insurer-d");

        List<List<JsonNode>> toNode = List.of(new ArrayList<>(), new ArrayList<>());
        for (int p = 0; p < parties.size(); p++) {
            ObjectNode input = params(parties.size()).put("party", parties.get(p));
            double[] values = columns.get(p);
            for (double v : values) {
                input.withArray("column").add(v);
            }
            JsonNode shares = JointStatsShareOp.run(input).get("shares");
            assertThat(shares).hasSize(NODES);
            shares.forEach(share -> toNode.get(share.get("node").asInt()).add(share));
        }
        ObjectNode result = params(parties.size());
        for (int node = 0; node < NODES; node++) {
            ObjectNode input = params(parties.size()).put("node", node);
            toNode.get(node).forEach(input.withArray("shares")::add);
            result.withArray("partials").add(JointStatsSumOp.run(input).get("partial"));
        }
        JsonNode statistics = JointStatsResultOp.run(result);

        double[] all = columns.stream().flatMapToDouble(java.util.Arrays::stream).toArray();
        double mean = java.util.Arrays.stream(all).average().orElseThrow();
        double population = java.util.Arrays.stream(all).map(v -> (v - mean) * (v - mean)).sum() / all.length;
        assertThat(statistics.get("count").asLong()).isEqualTo(66);
        // each value rounds to 2^-16 (at most 2^-17 off): the mean by as much, the variance by at most 2 sigma 2^-17 + 2^-34
        assertThat(statistics.get("mean").asDouble()).isCloseTo(mean, offset(Math.pow(2, -17)));
        assertThat(statistics.get("populationVariance").asDouble())
                .isCloseTo(population, offset(2 * Math.sqrt(population) * Math.pow(2, -17) + Math.pow(2, -30)));
        assertThat(statistics.get("sampleVariance").asDouble()).isCloseTo(population * all.length / (all.length - 1),
                offset(4 * Math.sqrt(population) * Math.pow(2, -17) + Math.pow(2, -30)));
        assertThat(statistics.get("parties")).extracting(JsonNode::asText).containsExactlyInAnyOrderElementsOf(parties);
    }

    @Test
    void aRefusalIsOneLineOnStderrAndNothingOnStdout() {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();

        int status = OpIo.run(JointStatsShareOp::run, new ByteArrayInputStream(
                "{\"party\":\"bank-a\",\"column\":[1,\"two\"],\"computeNodes\":2,\"parties\":1}".getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out), new PrintStream(err));

        assertThat(status).isEqualTo(1);
        assertThat(out.size()).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("column row 1 is not a number" + System.lineSeparator());
        assertThat(OpIo.run(JointStatsSumOp::run, new ByteArrayInputStream("[1]".getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out), new PrintStream(err))).isEqualTo(1);
        String badWord = "{\"computeNodes\":2,\"parties\":1,"
                + "\"partials\":[{\"node\":0,\"parties\":[\"a\"],\"sum\":{\"count\":\"xyz\"}}]}";
        assertThat(OpIo.run(JointStatsResultOp::run, new ByteArrayInputStream(badWord.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out), new PrintStream(err))).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("must be a ring word");
    }

    private static ObjectNode params(int parties) {
        return OpIo.JSON.createObjectNode().put("computeNodes", NODES).put("parties", parties);
    }

    private static double[] column(Random random, int rows) {
        double[] values = new double[rows];
        for (int i = 0; i < rows; i++) {
            values[i] = Math.round((random.nextDouble() * 2000 - 1000) * 1000) / 1000.0;
        }
        return values;
    }
}
