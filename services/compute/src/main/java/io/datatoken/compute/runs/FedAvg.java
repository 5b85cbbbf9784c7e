package io.datatoken.compute.runs;

import io.datatoken.domain.token.DataTokenId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code fed-avg} on the aggregator's node (the vendor's in S2): each training round is the op's five
 * steps — open the round, publish the roster of the devices' keys, deliver their sealed seed shares
 * with the round's global model, ask the survivors to unmask, aggregate — each waiting for the message
 * of the phase before from every device still in. With the workflow's {@code dropout_after} a phase
 * waits that long at most: then it goes on with the devices that answered, if they are at least the
 * threshold, and the others are out for the rest of the job (secure aggregation unmasks the sum
 * without them); a device this node cannot reach is out too (without {@code dropout_after} it fails
 * the run, as every device must take part). The op's state, the global model and who
 * is still in stay sealed here between steps and rounds (decision 0018); after the last round the
 * model goes to the job's algorithm. This node only ever sees masked updates and their sum.
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

    Clock clock = Clock.systemUTC();

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
        FederatedPlan plan = FederatedPlan.of(plans, run.placement());
        JsonObject kept = OpMessages.requireObject(run.requireState());
        List<DataTokenId> awaiting = devices(kept, "awaiting", plan);
        List<DataTokenId> missing = awaiting.stream().filter(d -> book.payload(run, d, awaited, round).isEmpty()).toList();
        if (missing.isEmpty() || plan.dropoutAfter().isZero() || waited(kept).compareTo(plan.dropoutAfter()) < 0) {
            return missing;
        }
        int answered = awaiting.size() - missing.size();
        if (answered < plan.survivorsNeeded()) {
            throw new RunFailed("round " + round + ": only " + answered + " of " + awaiting.size() + " devices answered "
                    + "within " + plan.dropoutAfter().toSeconds() + " s (missing " + missing + "); secure aggregation "
                    + "needs " + plan.survivorsNeeded());
        }
        // the silent ones dropped out: the phase goes on without them
        return List.of();
    }

    /** While a phase waits for dropouts: look again once its time is up, even if nothing arrives. */
    @Override
    public Optional<Duration> recheckAfter(RunContext run) {
        if (AWAITED[run.step() % FederatedPlan.AGGREGATOR_STEPS] == null) {
            return Optional.empty();
        }
        FederatedPlan plan = FederatedPlan.of(plans, run.placement());
        if (plan.dropoutAfter().isZero()) {
            return Optional.empty();
        }
        Duration left = plan.dropoutAfter().minus(waited(OpMessages.requireObject(run.requireState())));
        return Optional.of(left.isNegative() ? Duration.ZERO : left);
    }

    @Override
    public Outcome run(RunContext run) {
        FederatedPlan plan = FederatedPlan.of(plans, run.placement());
        int round = round(run);
        int phase = run.step() % FederatedPlan.AGGREGATOR_STEPS;
        // the first round opens without state; every later step continues from what the previous one kept
        JsonObject kept = run.step() == 0 ? null : OpMessages.requireObject(run.requireState());
        JsonObject model = kept == null ? plan.initialModel() : kept.getJsonObject("model");
        // who answered this phase in time: the devices still in (all of them, as the job opens)
        List<DataTokenId> in = phase == 0 ? devices(kept, "active", plan)
                : answered(run, devices(kept, "awaiting", plan), AWAITED[phase], round);
        var input = Json.createObjectBuilder().add("step", PHASES[phase]).add("run", run.runId());
        if (phase == 0) {
            input.add("round", round).add("users", plan.devices().size()).add("model", model)
                    .add("training", plan.training());
            if (plan.threshold() > 0) {
                input.add("threshold", plan.threshold());
            }
        } else {
            input.add("state", kept.getJsonObject("op")).add(listName(phase), collected(run, in, AWAITED[phase], round));
        }
        JsonObject output = ops.json(run, opName(), input.build().toString());
        if (phase == FederatedPlan.AGGREGATOR_STEPS - 1) {
            return aggregated(run, plan, round, output, in);
        }
        List<DataTokenId> reached = switch (phase) {
            case 0 -> sendToAll(run, plan, in, RunInput.Kind.FL_CONFIG, round, OpMessages.object(opName(), output,
                    "config"));
            case 1 -> sendToAll(run, plan, in, RunInput.Kind.FL_ROSTER, round, OpMessages.object(opName(), output,
                    "roster"));
            case 2 -> deliverShares(run, plan, round, output, model);
            default -> sendToAll(run, plan, survivors(plan, output), RunInput.Kind.FL_UNMASK_REQUEST, round,
                    OpMessages.object(opName(), output, "unmaskRequest"));
        };
        JsonObject next = Json.createObjectBuilder().add("model", model)
                .add("op", OpMessages.requireObject(OpMessages.object(opName(), output, "state")))
                .add("awaiting", ids(reached)).add("since", clock.millis()).build();
        return Outcome.continueWith(next.toString(), "round " + round + " of " + plan.rounds() + ": " + PHASES[phase]
                + " done; waiting for " + reached.size() + " devices" + (reached.size() < plan.devices().size()
                ? " (" + (plan.devices().size() - reached.size()) + " dropped out)" : ""));
    }

    private Outcome aggregated(RunContext run, FederatedPlan plan, int round, JsonObject output, List<DataTokenId> in) {
        JsonObject model = output.getJsonObject("model");
        if (model == null) {
            throw new RunFailed(opName() + " wrote no model for round " + round);
        }
        if (round < plan.rounds()) {
            // the next round opens from this model with the devices still in; the op's state of this round is done with
            return Outcome.continueWith(Json.createObjectBuilder().add("model", model).add("active", ids(in)).build()
                    .toString(), "round " + round + " of " + plan.rounds() + " aggregated from "
                    + count(output, "contributors") + " devices' masked updates");
        }
        String trained = Json.createObjectBuilder().add("model", model).add("rounds", plan.rounds())
                .add("contributors", output.getOrDefault("contributors", JsonValue.EMPTY_JSON_ARRAY))
                .add("samples", output.getOrDefault("samples", Json.createValue(0))).build().toString();
        deliveries.deliver(run.jobId(), run.dt(), run.job().algorithm(), RunInput.Kind.FL_MODEL, trained);
        int out = plan.devices().size() - in.size();
        return new Outcome(Transfer.sha256(trained), plan.rounds() + " rounds of secure aggregation over "
                + plan.devices().size() + " devices" + (out == 0 ? "" : ", " + out + " of them dropped out")
                + "; the model went to the algorithm owner's node");
    }

    /**
     * Each device's delivery of sealed shares goes to it with the round's global model, which it trains
     * from; returns the devices reached.
     */
    private List<DataTokenId> deliverShares(RunContext run, FederatedPlan plan, int round, JsonObject output,
                                            JsonObject model) {
        JsonValue deliveries = output.get("deliveries");
        if (deliveries == null || deliveries.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new RunFailed(opName() + " wrote no deliveries");
        }
        List<DataTokenId> reached = new ArrayList<>();
        for (JsonValue delivery : deliveries.asJsonArray()) {
            DataTokenId device = plan.deviceOf(delivery.asJsonObject().getInt("to", -1));
            if (send(run, plan, device, RunInput.Kind.FL_DELIVERY, round,
                    Json.createObjectBuilder().add("delivery", delivery).add("model", model).build().toString())) {
                reached.add(device);
            }
        }
        return reached;
    }

    private List<DataTokenId> survivors(FederatedPlan plan, JsonObject output) {
        JsonObject request = OpMessages.requireObject(OpMessages.object(opName(), output, "unmaskRequest"));
        List<DataTokenId> survivors = new ArrayList<>();
        for (JsonValue user : request.getJsonArray("survivors")) {
            survivors.add(plan.deviceOf(((JsonNumber) user).intValue()));
        }
        return survivors;
    }

    private JsonArray collected(RunContext run, List<DataTokenId> devices, RunInput.Kind kind, int round) {
        JsonArrayBuilder messages = Json.createArrayBuilder();
        for (DataTokenId device : devices) {
            messages.add(OpMessages.requireObject(book.payload(run, device, kind, round).orElseThrow()));
        }
        return messages.build();
    }

    /** The devices of {@code awaiting} whose message of the phase is here. */
    private List<DataTokenId> answered(RunContext run, List<DataTokenId> awaiting, RunInput.Kind kind, int round) {
        return awaiting.stream().filter(d -> book.payload(run, d, kind, round).isPresent()).toList();
    }

    /** Sends the message to each device; returns those reached. */
    private List<DataTokenId> sendToAll(RunContext run, FederatedPlan plan, List<DataTokenId> devices, RunInput.Kind kind,
                                        int round, String message) {
        List<DataTokenId> reached = new ArrayList<>();
        for (DataTokenId device : devices) {
            if (send(run, plan, device, kind, round, message)) {
                reached.add(device);
            }
        }
        return reached;
    }

    /**
     * Whether the device got the message: one this node cannot reach is out when the workflow tolerates
     * dropouts, else the run fails (every device must take part).
     */
    private boolean send(RunContext run, FederatedPlan plan, DataTokenId device, RunInput.Kind kind, int round,
                         String message) {
        if (plan.dropoutAfter().isZero()) {
            deliveries.deliver(run.jobId(), run.dt(), device, kind, round, message);
            return true;
        }
        return deliveries.offer(run.jobId(), run.dt(), device, kind, round, message);
    }

    /** The devices the kept state lists under {@code name}; every device of the plan if it lists none. */
    private static List<DataTokenId> devices(JsonObject kept, String name, FederatedPlan plan) {
        if (kept == null || !kept.containsKey(name)) {
            return plan.devices();
        }
        return kept.getJsonArray(name).getValuesAs(JsonString.class).stream().map(s -> DataTokenId.of(s.getString()))
                .toList();
    }

    private static JsonArray ids(List<DataTokenId> devices) {
        JsonArrayBuilder ids = Json.createArrayBuilder();
        devices.forEach(d -> ids.add(d.value()));
        return ids.build();
    }

    /** How long the current phase has waited for the devices. */
    private Duration waited(JsonObject kept) {
        return kept.containsKey("since") ? Duration.ofMillis(Math.max(0, clock.millis() - kept.getJsonNumber("since")
                .longValue())) : Duration.ZERO;
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
