package io.datatoken.privacy.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datatoken.privacy.fl.FedAvgNode;
import io.datatoken.privacy.fl.GlobalModel;
import io.datatoken.privacy.secagg.AggregationResult;
import io.datatoken.privacy.secagg.FixedPoint;
import io.datatoken.privacy.secagg.SecAggConfig;
import io.datatoken.privacy.secagg.SecAggServer;
import io.datatoken.privacy.secagg.SeedSharing;

/**
 * Op {@code fed-avg}, on the vendor's node, one step per phase of a secure-aggregation round (S2):
 * {@code open} the round (its config for the devices), then, each with every message of a phase that
 * arrived in time (whoever is missing dropped out), {@code roster}, {@code deliver}, {@code unmask} and
 * {@code aggregate}, which moves the global model by the survivors' sample-weighted average update.
 * Between steps the node keeps the returned state: the round's config, the global model and what the
 * server must remember of the messages so far. Inputs and outputs: {@code docs/privacy.md}.
 */
public final class FedAvgOp {

    private FedAvgOp() {
    }

    public static void main(String[] args) {
        OpIo.main(FedAvgOp::run, System.in, System.out, System.err);
    }

    static ObjectNode run(JsonNode input) {
        String step = OpIo.step(input, "open", "roster", "deliver", "unmask", "aggregate");
        String run = OpIo.textField(input, "run");
        if (step.equals("open")) {
            return open(input, run);
        }
        JsonNode kept = OpIo.objectField(input, "state");
        GlobalModel model = FedWire.model(kept);
        SecAggServer server = SecAggServer.restore(SecAggWire.serverState(kept), run);
        ObjectNode output = OpIo.JSON.createObjectNode();
        switch (step) {
            case "roster" -> {
                JsonNode advertisements = OpIo.arrayField(input, "advertisements");
                for (int i = 0; i < advertisements.size(); i++) {
                    server.receive(SecAggWire.advertisement(advertisements.get(i), "advertisements[" + i + "]"));
                }
                output.set("roster", SecAggWire.roster(server.closeAdvertising()));
            }
            case "deliver" -> {
                JsonNode sealed = OpIo.arrayField(input, "sealedShares");
                for (int i = 0; i < sealed.size(); i++) {
                    var shares = SecAggWire.sealedShares(sealed.get(i), "sealedShares[" + i + "]");
                    server.receive(sealed.get(i).get("from").asInt(), shares);
                }
                ArrayNode deliveries = output.putArray("deliveries");
                server.closeSharing().values().forEach(delivery -> deliveries.add(SecAggWire.delivery(delivery)));
            }
            case "unmask" -> {
                JsonNode masked = OpIo.arrayField(input, "maskedInputs");
                for (int i = 0; i < masked.size(); i++) {
                    server.receive(SecAggWire.maskedInput(masked.get(i), "maskedInputs[" + i + "]"));
                }
                output.set("unmaskRequest", SecAggWire.unmaskRequest(server.closeMasking()));
            }
            default -> {
                JsonNode responses = OpIo.arrayField(input, "unmaskResponses");
                for (int i = 0; i < responses.size(); i++) {
                    server.receive(SecAggWire.unmaskResponse(responses.get(i), "unmaskResponses[" + i + "]"));
                }
                return aggregate(server.aggregate(), model, kept);
            }
        }
        return withState(output, server, run, model);
    }

    private static ObjectNode open(JsonNode input, String run) {
        JsonNode round = input.path("round");
        if (!round.canConvertToLong() || round.asLong() < 1) {
            throw new IllegalArgumentException("'round' must be an integer >= 1");
        }
        int users = OpIo.intField(input, "users");
        if (users < 3 || users > SeedSharing.MAX_HOLDERS) {
            throw new IllegalArgumentException("'users' must be from 3 to " + SeedSharing.MAX_HOLDERS
                    + " (a larger population is split into groups)");
        }
        int threshold = OpIo.intField(input, "threshold", SecAggConfig.recommendedThreshold(users));
        if (threshold > users) {
            throw new IllegalArgumentException("'threshold' " + threshold + " is more than the " + users + " users");
        }
        GlobalModel model = FedWire.model(input);
        var config = new SecAggConfig(round.asLong(), threshold, model.weights().length + 1,
                new FixedPoint(OpIo.intField(input, "fractionBits", FixedPoint.DEFAULT.fractionBits())));
        ObjectNode output = OpIo.JSON.createObjectNode();
        output.set("config", FedWire.roundConfig(config, FedWire.training(input)));
        return withState(output, new SecAggServer(config), run, model);
    }

    private static ObjectNode aggregate(AggregationResult result, GlobalModel model, JsonNode kept) {
        ObjectNode output = OpIo.JSON.createObjectNode();
        output.put("round", kept.path("config").path("round").asLong());
        output.set("model", FedWire.model(FedAvgNode.averaged(model, result.sum())));
        result.contributors().forEach(output.putArray("contributors")::add);
        output.put("samples", FedAvgNode.samples(result.sum()));
        return output;
    }

    private static ObjectNode withState(ObjectNode output, SecAggServer server, String run, GlobalModel model) {
        ObjectNode state = SecAggWire.serverState(server.exportState(run));
        state.set("model", FedWire.model(model));
        output.set("state", state);
        return output;
    }
}
