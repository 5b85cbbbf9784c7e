package io.datatoken.privacy.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datatoken.privacy.fl.GlobalModel;
import io.datatoken.privacy.fl.LabeledSamples;
import io.datatoken.privacy.fl.TrainingPlan;
import io.datatoken.privacy.secagg.SecAggConfig;

/**
 * Federated averaging's JSON besides the secure-aggregation messages: the global model's weights (one per
 * feature, then the intercept), a device's rows, and how devices train.
 */
final class FedWire {

    private FedWire() {
    }

    static ObjectNode model(GlobalModel model) {
        ObjectNode node = OpIo.JSON.createObjectNode();
        ArrayNode weights = node.putArray("weights");
        for (double w : model.weights()) {
            weights.add(w);
        }
        return node;
    }

    static GlobalModel model(JsonNode input) {
        JsonNode weights = OpIo.arrayField(OpIo.objectField(input, "model"), "weights");
        if (weights.size() < 2) {
            throw new IllegalArgumentException("'model.weights' holds one weight per feature and the intercept: at least 2");
        }
        return new GlobalModel(numbers(weights, "model.weights"));
    }

    /** A round's config as both sides read it: the secure-aggregation parameters and how devices train. */
    static ObjectNode roundConfig(SecAggConfig config, TrainingPlan plan) {
        ObjectNode node = SecAggWire.config(config);
        node.set("training", training(plan));
        return node;
    }

    static ObjectNode training(TrainingPlan plan) {
        return OpIo.JSON.createObjectNode().put("epochs", plan.epochs()).put("learningRate", plan.learningRate())
                .put("decay", plan.decay()).put("l2", plan.l2());
    }

    static TrainingPlan training(JsonNode input) {
        JsonNode node = OpIo.objectField(input, "training");
        return new TrainingPlan(OpIo.intField(node, "epochs"), number(node.path("learningRate"), "training.learningRate"),
                number(node.path("decay"), "training.decay"), number(node.path("l2"), "training.l2"));
    }

    /** A device's rows, {@code {"features": [[...]], "labels": [0 or 1, ...]}}, as many features as the model. */
    static LabeledSamples data(JsonNode input, int features) {
        JsonNode node = OpIo.objectField(input, "data");
        JsonNode rows = OpIo.arrayField(node, "features");
        JsonNode labels = OpIo.arrayField(node, "labels");
        if (rows.size() != labels.size()) {
            throw new IllegalArgumentException("'data' has " + rows.size() + " rows of features and " + labels.size() + " labels");
        }
        double[][] x = new double[rows.size()][];
        int[] y = new int[labels.size()];
        for (int i = 0; i < x.length; i++) {
            if (!rows.get(i).isArray() || rows.get(i).size() != features) {
                throw new IllegalArgumentException("data.features[" + i + "] must be " + features + " numbers, as many as the model's features");
            }
            x[i] = numbers(rows.get(i), "data.features[" + i + "]");
            JsonNode label = labels.get(i);
            if (!label.canConvertToInt() || (label.asInt() != 0 && label.asInt() != 1)) {
                throw new IllegalArgumentException("data.labels[" + i + "] must be 0 or 1");
            }
            y[i] = label.asInt();
        }
        return new LabeledSamples(x, y);
    }

    private static double[] numbers(JsonNode array, String label) {
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = number(array.get(i), label + "[" + i + "]");
        }
        return values;
    }

    private static double number(JsonNode value, String label) {
        if (!value.isNumber() || !Double.isFinite(value.asDouble())) {
            throw new IllegalArgumentException(label + " must be a finite number");
        }
        return value.asDouble();
    }
}
