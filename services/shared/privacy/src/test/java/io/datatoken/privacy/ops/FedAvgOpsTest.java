package io.datatoken.privacy.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datatoken.privacy.fl.EdgeDevice;
import io.datatoken.privacy.fl.GlobalModel;
import io.datatoken.privacy.fl.LabeledSamples;
import io.datatoken.privacy.fl.TrainingPlan;
import io.datatoken.privacy.secagg.FixedPoint;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One federated-averaging round through the JSON entry points only, as the nodes will drive it: the
 * vendor's node runs fed-avg's steps, each user's node edge-train's, and every message and state passes
 * as the JSON the ops wrote.
 */
class FedAvgOpsTest {

    private static final String RUN = "round-run-1";
    private static final List<Integer> USERS = List.of(11, 12, 13, 14, 15);
    private static final double[] START = {0.1, -0.2, 0.3, 0.05};
    private static final TrainingPlan PLAN = new TrainingPlan(2, 0.1, 0.0, 0.0);

    @Test
    void fiveDevicesWithOneDroppingBeforeMaskingMoveTheModelByTheSurvivorsPlaintextAverage() {
        Map<Integer, LabeledSamples> data = new HashMap<>();
        for (int i = 0; i < USERS.size(); i++) {
            data.put(USERS.get(i), sameRow(i + 1, new double[] {0.5 * i - 1, 1 - 0.3 * i, 0.2 * i}, i % 2));
        }
        Map<Integer, JsonNode> kept = new HashMap<>();

        ObjectNode opened = OpCall.ok(FedAvgOp::run, openInput());
        JsonNode config = opened.get("config");
        JsonNode server = opened.get("state");
        ArrayNode advertisements = OpIo.JSON.createArrayNode();
        for (int user : USERS) {
            ObjectNode out = OpCall.ok(EdgeTrainOp::run, step("advertise").put("user", user).set("config", config));
            advertisements.add(out.get("advertisement"));
            kept.put(user, out.get("state"));
        }
        ObjectNode rostered = OpCall.ok(FedAvgOp::run, step("roster", server).set("advertisements", advertisements));
        ArrayNode sealed = OpIo.JSON.createArrayNode();
        for (int user : USERS) {
            ObjectNode out = OpCall.ok(EdgeTrainOp::run, step("share", kept.get(user)).set("roster", rostered.get("roster")));
            sealed.add(out.get("sealedShares"));
            kept.put(user, out.get("state"));
        }
        ObjectNode delivered = OpCall.ok(FedAvgOp::run, step("deliver", rostered.get("state")).set("sealedShares", sealed));
        List<Integer> survivors = List.of(11, 12, 14, 15); // 13 drops before masking: its pairwise masks are rebuilt
        ArrayNode masked = OpIo.JSON.createArrayNode();
        for (JsonNode delivery : delivered.get("deliveries")) {
            int user = delivery.get("to").asInt();
            if (survivors.contains(user)) {
                ObjectNode input = step("mask", kept.get(user));
                input.set("delivery", delivery);
                input.set("model", modelJson(START)); // the global model the vendor published for this round
                input.set("data", dataJson(data.get(user)));
                ObjectNode out = OpCall.ok(EdgeTrainOp::run, input);
                masked.add(out.get("maskedInput"));
                kept.put(user, out.get("state"));
            }
        }
        ObjectNode requested = OpCall.ok(FedAvgOp::run, step("unmask", delivered.get("state")).set("maskedInputs", masked));
        ArrayNode responses = OpIo.JSON.createArrayNode();
        for (int user : survivors) {
            ObjectNode out = OpCall.ok(EdgeTrainOp::run, step("unmask", kept.get(user)).set("unmaskRequest", requested.get("unmaskRequest")));
            assertThat(out.has("state")).as("nothing to keep after the last step").isFalse();
            responses.add(out.get("unmaskResponse"));
        }
        ObjectNode result = OpCall.ok(FedAvgOp::run, step("aggregate", requested.get("state")).set("unmaskResponses", responses));

        // identical rows per device: local training is the same in any shuffled order, so it can be replayed here
        double[] sum = new double[START.length + 1];
        for (int user : survivors) {
            double[] update = new EdgeDevice(user, data.get(user), PLAN, new SecureRandom()).localUpdate(new GlobalModel(START), 1);
            for (int j = 0; j < sum.length; j++) {
                sum[j] += update[j];
            }
        }
        double[] expected = new double[START.length];
        for (int j = 0; j < expected.length; j++) {
            expected[j] = START[j] + sum[j] / sum[START.length];
        }
        double[] weights = OpIo.JSON.convertValue(result.get("model").get("weights"), double[].class);
        assertThat(result.get("contributors")).extracting(JsonNode::asInt).containsExactlyElementsOf(survivors);
        assertThat(result.get("samples").asLong()).isEqualTo(1 + 2 + 4 + 5);
        assertThat(result.get("round").asLong()).isEqualTo(1);
        assertThat(weights).as("moved from the start").isNotEqualTo(START)
                .containsExactly(expected, within(FixedPoint.DEFAULT.tolerance(survivors.size()) + 1e-9));
        assertThat(masked.toString()).as("the server's view").doesNotContain(Double.toString(sum[0]));
    }

    @Test
    void theRoundsConfigFixesTheThresholdAndTheUpdatesLength() {
        JsonNode config = OpCall.ok(FedAvgOp::run, openInput()).get("config");

        assertThat(config.get("threshold").asInt()).isEqualTo(4);
        assertThat(config.get("length").asInt()).isEqualTo(START.length + 1);
        assertThat(config.get("training").get("epochs").asInt()).isEqualTo(2);
    }

    @Test
    void statesOfAnotherRunAndStepsOutOfOrderAreRefusedWithOneLine() {
        ObjectNode opened = OpCall.ok(FedAvgOp::run, openInput());
        ObjectNode advertised = OpCall.ok(EdgeTrainOp::run, step("advertise").put("user", 11).set("config", opened.get("config")));

        assertThat(OpCall.refusal(FedAvgOp::run, step("roster", opened.get("state")).put("run", "other")
                .set("advertisements", OpIo.JSON.createArrayNode()))).isEqualTo("the state belongs to run " + RUN + ", not other");
        assertThat(OpCall.refusal(EdgeTrainOp::run, step("share", advertised.get("state")).put("run", "other")))
                .isEqualTo("the state belongs to run " + RUN + ", not other");
        assertThat(OpCall.refusal(EdgeTrainOp::run, step("unmask", advertised.get("state"))
                .set("unmaskRequest", OpIo.JSON.createObjectNode().set("survivors", OpIo.JSON.createArrayNode()))))
                .isEqualTo("user 11 is at ADVERTISED, not MASKED");
        assertThat(OpCall.refusal(FedAvgOp::run, step("roster", opened.get("state"))
                .set("advertisements", OpIo.JSON.createArrayNode().add(advertised.get("advertisement")))))
                .isEqualTo("1 advertised keys, fewer than the threshold 4: the round is aborted");
        assertThat(OpCall.refusal(FedAvgOp::run, openInput().put("users", 300))).startsWith("'users' must be from 3 to 255");
    }

    @Test
    void aDevicesRowsMustFitTheModel() {
        ObjectNode bad = OpIo.JSON.createObjectNode();
        bad.set("data", OpIo.JSON.createObjectNode().set("features", OpIo.JSON.createArrayNode().add(OpIo.JSON.createArrayNode().add(1))));
        ((ObjectNode) bad.get("data")).set("labels", OpIo.JSON.createArrayNode().add(1));

        assertThat(OpCall.refusal(node -> {
            FedWire.data(node, 3);
            return OpIo.JSON.createObjectNode();
        }, bad)).isEqualTo("data.features[0] must be 3 numbers, as many as the model's features");
    }

    private static ObjectNode openInput() {
        ObjectNode input = step("open").put("round", 1).put("users", USERS.size());
        input.set("model", modelJson(START));
        input.set("training", FedWire.training(PLAN));
        return input;
    }

    private static ObjectNode step(String step) {
        return OpIo.JSON.createObjectNode().put("step", step).put("run", RUN);
    }

    private static ObjectNode step(String step, JsonNode state) {
        ObjectNode input = step(step);
        input.set("state", state);
        return input;
    }

    private static JsonNode modelJson(double[] weights) {
        return FedWire.model(new GlobalModel(weights));
    }

    private static LabeledSamples sameRow(int rows, double[] row, int label) {
        double[][] features = new double[rows][];
        int[] labels = new int[rows];
        for (int i = 0; i < rows; i++) {
            features[i] = row.clone();
            labels[i] = label;
        }
        return new LabeledSamples(features, labels);
    }

    private static JsonNode dataJson(LabeledSamples samples) {
        ObjectNode data = OpIo.JSON.createObjectNode();
        ArrayNode rows = data.putArray("features");
        for (double[] row : samples.features()) {
            ArrayNode values = rows.addArray();
            for (double v : row) {
                values.add(v);
            }
        }
        for (int label : samples.labels()) {
            data.withArray("labels").add(label);
        }
        return data;
    }
}
