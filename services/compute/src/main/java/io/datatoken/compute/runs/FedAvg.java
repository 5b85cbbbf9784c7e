package io.datatoken.compute.runs;

import io.datatoken.domain.token.DataTokenId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code fed-avg} on the aggregator's node (the vendor's in S2): each training round is the op's five
 * steps — open the round, publish the roster of the devices' keys, deliver their sealed seed shares
 * with the round's global model, ask the survivors to unmask, aggregate — each waiting for every
 * device's message of the phase before. The op's state and the global model stay sealed here between
 * steps and rounds (decision 0018); after the last round the model goes to the job's algorithm. This
 * node only ever sees masked updates and their sum.
 */
@ApplicationScoped
public class FedAvg implements OpDriver {

    private static final String[] PHASES = {"open", "roster", "deliver", "unmask", "aggregate"};
    /** What each phase waits for from the devices (the first waits for nothing). */
    private static final RunInput.Kind[] AWAITED = {null, RunInput.Kind.FL_ADVERTISEMENT, RunInput.Kind.FL_SHARES,
        RunInput.Kind.FL_MASKED, RunInput.Kind.FL_UNMASK_RESPONSE};

    @Inject
    JobPlans plans;

    @Inject
    RunBook book;

    @Inject
    OpCalls ops;

    @Inject
    Deliveries deliveries;

    @Override
    public String opName() {
        return FederatedPlan.AVERAGE;
    }

    @Override
    public List<DataTokenId> missingInputs(RunContext run) {
        RunInput.Kind awaited = AWAITED[run.step() % FederatedPlan.AGGREGATOR_STEPS];
        if (awaited == null) {
            return List.of();
        }
        int round = round(run);
        // no deadline per phase yet: the driver waits for every device, so a device that drops out stalls the
        // round until the job's time limit (the protocol itself tolerates up to users - threshold dropouts)
        return FederatedPlan.of(plans, run.placement()).devices().stream()
                .filter(d -> book.payload(run, d, awaited, round).isEmpty()).toList();
    }

    @Override
    public Outcome run(RunContext run) {
        FederatedPlan plan = FederatedPlan.of(plans, run.placement());
        int round = round(run);
        int phase = run.step() % FederatedPlan.AGGREGATOR_STEPS;
        // the first round opens without state; every later step continues from what the previous one kept
        JsonObject kept = run.step() == 0 ? null : OpMessages.requireObject(run.requireState());
        JsonObject model = kept == null ? plan.initialModel() : kept.getJsonObject("model");
        var input = Json.createObjectBuilder().add("step", PHASES[phase]).add("run", run.runId());
        if (phase == 0) {
            input.add("round", round).add("users", plan.devices().size()).add("model", model)
                    .add("training", plan.training());
            if (plan.threshold() > 0) {
                input.add("threshold", plan.threshold());
            }
        } else {
            input.add("state", kept.getJsonObject("op")).add(listName(phase), collected(run, plan, AWAITED[phase], round));
        }
        JsonObject output = ops.json(run, opName(), input.build().toString());
        switch (phase) {
            case 0 -> sendToAll(run, plan.devices(), RunInput.Kind.FL_CONFIG, round, OpMessages.object(opName(), output,
                    "config"));
            case 1 -> sendToAll(run, plan.devices(), RunInput.Kind.FL_ROSTER, round, OpMessages.object(opName(), output,
                    "roster"));
            case 2 -> deliverShares(run, plan, round, output, model);
            case 3 -> sendToAll(run, survivors(plan, output), RunInput.Kind.FL_UNMASK_REQUEST, round,
                    OpMessages.object(opName(), output, "unmaskRequest"));
            default -> {
                return aggregated(run, plan, round, output);
            }
        }
        JsonObject next = Json.createObjectBuilder().add("model", model)
                .add("op", OpMessages.requireObject(OpMessages.object(opName(), output, "state"))).build();
        return Outcome.continueWith(next.toString(), "round " + round + " of " + plan.rounds() + ": " + PHASES[phase]
                + " done; waiting for the devices");
    }

    private Outcome aggregated(RunContext run, FederatedPlan plan, int round, JsonObject output) {
        JsonObject model = output.getJsonObject("model");
        if (model == null) {
            throw new RunFailed(opName() + " wrote no model for round " + round);
        }
        if (round < plan.rounds()) {
            // the next round opens from this model; the op's state of this round is done with
            return Outcome.continueWith(Json.createObjectBuilder().add("model", model).build().toString(), "round "
                    + round + " of " + plan.rounds() + " aggregated from " + count(output, "contributors")
                    + " devices' masked updates");
        }
        String trained = Json.createObjectBuilder().add("model", model).add("rounds", plan.rounds())
                .add("contributors", output.getOrDefault("contributors", JsonValue.EMPTY_JSON_ARRAY))
                .add("samples", output.getOrDefault("samples", Json.createValue(0))).build().toString();
        deliveries.deliver(run.jobId(), run.dt(), run.job().algorithm(), RunInput.Kind.FL_MODEL, trained);
        return new Outcome(Transfer.sha256(trained), plan.rounds() + " rounds of secure aggregation over "
                + plan.devices().size() + " devices; the model went to the algorithm owner's node");
    }

    /** Each device's delivery of sealed shares goes to it with the round's global model, which it trains from. */
    private void deliverShares(RunContext run, FederatedPlan plan, int round, JsonObject output, JsonObject model) {
        JsonValue deliveries = output.get("deliveries");
        if (deliveries == null || deliveries.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new RunFailed(opName() + " wrote no deliveries");
        }
        for (JsonValue delivery : deliveries.asJsonArray()) {
            int user = delivery.asJsonObject().getInt("to", -1);
            this.deliveries.deliver(run.jobId(), run.dt(), plan.deviceOf(user), RunInput.Kind.FL_DELIVERY, round,
                    Json.createObjectBuilder().add("delivery", delivery).add("model", model).build().toString());
        }
    }

    private List<DataTokenId> survivors(FederatedPlan plan, JsonObject output) {
        JsonObject request = OpMessages.requireObject(OpMessages.object(opName(), output, "unmaskRequest"));
        List<DataTokenId> survivors = new ArrayList<>();
        for (JsonValue user : request.getJsonArray("survivors")) {
            survivors.add(plan.deviceOf(((JsonNumber) user).intValue()));
        }
        return survivors;
    }

    private JsonArray collected(RunContext run, FederatedPlan plan, RunInput.Kind kind, int round) {
        JsonArrayBuilder messages = Json.createArrayBuilder();
        for (DataTokenId device : plan.devices()) {
            messages.add(OpMessages.requireObject(book.payload(run, device, kind, round).orElseThrow()));
        }
        return messages.build();
    }

    private void sendToAll(RunContext run, List<DataTokenId> devices, RunInput.Kind kind, int round, String message) {
        for (DataTokenId device : devices) {
            deliveries.deliver(run.jobId(), run.dt(), device, kind, round, message);
        }
    }

    private static String listName(int phase) {
        return switch (phase) {
            case 1 -> "advertisements";
            case 2 -> "sealedShares";
            case 3 -> "maskedInputs";
            default -> "unmaskResponses";
        };
    }

    private static int count(JsonObject output, String name) {
        JsonValue value = output.get(name);
        return value != null && value.getValueType() == JsonValue.ValueType.ARRAY ? value.asJsonArray().size() : 0;
    }

    static int round(RunContext run) {
        return run.step() / FederatedPlan.AGGREGATOR_STEPS + 1;
    }

}
