package io.datatoken.privacy.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datatoken.privacy.fl.EdgeDevice;
import io.datatoken.privacy.fl.GlobalModel;
import io.datatoken.privacy.fl.TrainingPlan;
import io.datatoken.privacy.secagg.SecAggClient;
import io.datatoken.privacy.secagg.SecAggClientState;
import io.datatoken.privacy.secagg.SecAggConfig;
import java.security.SecureRandom;

/**
 * Op {@code edge-train}, on a user's node, one step per message of a secure-aggregation round (S2):
 * {@code advertise} its fresh public keys, {@code share} its sealed seed shares for the roster,
 * {@code mask} its update after training locally from the global model, {@code unmask} the shares the
 * server needs. Each step but the last returns the state the node keeps for the next (decision 0018):
 * keys, seeds and shares, never the rows or the update. Inputs and outputs: {@code docs/privacy.md}.
 */
public final class EdgeTrainOp {

    private EdgeTrainOp() {
    }

    public static void main(String[] args) {
        // Smile logs through SLF4J, which warns on stderr when it finds no logger: stderr is for refusals
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        OpIo.main(EdgeTrainOp::run, System.in, System.out, System.err);
    }

    static ObjectNode run(JsonNode input) {
        String step = OpIo.step(input, "advertise", "share", "mask", "unmask");
        String run = OpIo.textField(input, "run");
        var random = new SecureRandom();
        if (step.equals("advertise")) {
            JsonNode config = OpIo.objectField(input, "config");
            var client = new SecAggClient(OpIo.intField(input, "user"), SecAggWire.config(config), random);
            ObjectNode output = OpIo.JSON.createObjectNode();
            output.set("advertisement", SecAggWire.advertisement(client.advertiseKeys()));
            return withState(output, client, run, FedWire.training(config));
        }
        JsonNode kept = OpIo.objectField(input, "state");
        SecAggClientState state = SecAggWire.clientState(kept);
        TrainingPlan plan = FedWire.training(kept);
        SecAggClient client = SecAggClient.restore(state, run, random);
        ObjectNode output = OpIo.JSON.createObjectNode();
        return switch (step) {
            case "share" -> {
                output.set("sealedShares", SecAggWire.sealedShares(client.user(), client.shareKeys(SecAggWire.roster(input))));
                yield withState(output, client, run, plan);
            }
            case "mask" -> {
                double[] update = localUpdate(input, state.config(), client.user(), plan, random);
                output.set("maskedInput", SecAggWire.maskedInput(client.maskInput(SecAggWire.delivery(input), update)));
                yield withState(output, client, run, plan);
            }
            default -> output.set("unmaskResponse", SecAggWire.unmaskResponse(client.unmask(SecAggWire.unmaskRequest(input))));
        };
    }

    /** {@code (n * (w_local - w_global), n)}: trained here, masked at once, never kept. */
    private static double[] localUpdate(JsonNode input, SecAggConfig config, int user, TrainingPlan plan, SecureRandom random) {
        GlobalModel model = FedWire.model(input);
        if (model.weights().length + 1 != config.length()) {
            throw new IllegalArgumentException("'model' has " + model.weights().length + " weights; the round's config expects "
                    + (config.length() - 1));
        }
        return new EdgeDevice(user, FedWire.data(input, model.features()), plan, random).localUpdate(model, config.round());
    }

    private static ObjectNode withState(ObjectNode output, SecAggClient client, String run, TrainingPlan plan) {
        ObjectNode state = SecAggWire.clientState(client.exportState(run));
        state.set("training", FedWire.training(plan));
        output.set("state", state);
        return output;
    }
}
