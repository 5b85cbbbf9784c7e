package io.datatoken.compute.runs;

import io.datatoken.compute.datasets.DatasetBindings;
import io.datatoken.domain.token.DataTokenId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Optional;

/**
 * {@code edge-train} on a device's node (a user's in S2): each training round is the op's four steps —
 * advertise the round's keys, share its mask seeds sealed to the other devices, train on the device's
 * own rows from the round's global model and send the update masked, answer the unmask request — each
 * once the aggregator's message of the phase is here. The rows never leave the node and never enter
 * the op's state; the state is sealed here between steps and dropped after the unmask answer
 * (decision 0018: answering twice could unmask one update).
 */
@ApplicationScoped
public class EdgeTrain implements OpDriver {

    private static final String[] PHASES = {"advertise", "share", "mask", "unmask"};
    private static final RunInput.Kind[] AWAITED = {RunInput.Kind.FL_CONFIG, RunInput.Kind.FL_ROSTER,
        RunInput.Kind.FL_DELIVERY, RunInput.Kind.FL_UNMASK_REQUEST};
    private static final RunInput.Kind[] SENT = {RunInput.Kind.FL_ADVERTISEMENT, RunInput.Kind.FL_SHARES,
        RunInput.Kind.FL_MASKED, RunInput.Kind.FL_UNMASK_RESPONSE};
    private static final String[] OUTPUT = {"advertisement", "sealedShares", "maskedInput", "unmaskResponse"};

    @Inject
    JobPlans plans;

    @Inject
    RunBook book;

    @Inject
    DatasetBindings datasets;

    @Inject
    OpCalls ops;

    @Inject
    Deliveries deliveries;

    @Override
    public String opName() {
        return FederatedPlan.TRAIN;
    }

    @Override
    public List<DataTokenId> missingInputs(RunContext run) {
        DataTokenId aggregator = FederatedPlan.of(plans, run.placement()).aggregator();
        return message(run, aggregator).isPresent() ? List.of() : List.of(aggregator);
    }

    @Override
    public Outcome run(RunContext run) {
        FederatedPlan plan = FederatedPlan.of(plans, run.placement());
        int round = round(run);
        int phase = run.step() % FederatedPlan.DEVICE_STEPS;
        JsonObject received = OpMessages.requireObject(message(run, plan.aggregator()).orElseThrow());
        var input = Json.createObjectBuilder().add("step", PHASES[phase]).add("run", run.runId());
        switch (phase) {
            case 0 -> input.add("user", plan.userOf(run.dt())).add("config", received);
            case 1 -> input.add("state", state(run)).add("roster", received);
            case 2 -> input.add("state", state(run)).add("delivery", received.getJsonObject("delivery"))
                    .add("model", received.getJsonObject("model")).add("data", rows(run, plan));
            default -> input.add("state", state(run)).add("unmaskRequest", received);
        }
        JsonObject output = ops.json(run, opName(), input.build().toString());
        String sent = OpMessages.object(opName(), output, OUTPUT[phase]);
        deliveries.deliver(run.jobId(), run.dt(), plan.aggregator(), SENT[phase], round, sent);
        String detail = "round " + round + " of " + plan.rounds() + ": " + PHASES[phase] + " sent to the aggregator";
        if (phase < FederatedPlan.DEVICE_STEPS - 1) {
            return Outcome.continueWith(OpMessages.object(opName(), output, "state"), detail);
        }
        if (round < plan.rounds()) {
            // the round's secrets are gone with the unmask answer; nothing is kept into the next round
            return Outcome.continueWith("{}", detail + "; waiting for the next round");
        }
        return new Outcome(Transfer.sha256(sent), "trained on this device's rows in " + plan.rounds() + " rounds of "
                + "secure aggregation; only masked updates left the node");
    }

    private Optional<String> message(RunContext run, DataTokenId aggregator) {
        return book.payload(run, aggregator, AWAITED[run.step() % FederatedPlan.DEVICE_STEPS], round(run));
    }

    private static JsonObject state(RunContext run) {
        return OpMessages.requireObject(run.requireState());
    }

    /** The device's rows: every column but the last as features, the last as the label (0 or 1). */
    private JsonObject rows(RunContext run, FederatedPlan plan) {
        double[][] rows;
        try {
            rows = datasets.datasetOf(run.dt()).orElseThrow(() -> new RunFailed("no dataset is bound to " + run.dt()
                    + " on this node: bind one with POST /v1/datasets (features, then the 0/1 label last)"));
        } catch (IllegalArgumentException e) {
            throw new RunFailed(e.getMessage(), e);
        }
        if (rows[0].length != plan.features() + 1) {
            throw new RunFailed("the dataset of " + run.dt() + " has " + rows[0].length + " columns; the workflow trains "
                    + "on " + plan.features() + " features and a label");
        }
        JsonArrayBuilder features = Json.createArrayBuilder();
        JsonArrayBuilder labels = Json.createArrayBuilder();
        for (double[] row : rows) {
            JsonArrayBuilder x = Json.createArrayBuilder();
            for (int c = 0; c < plan.features(); c++) {
                x.add(row[c]);
            }
            features.add(x);
            labels.add((int) Math.round(row[plan.features()]));
        }
        return Json.createObjectBuilder().add("features", features).add("labels", labels).build();
    }

    static int round(RunContext run) {
        return run.step() / FederatedPlan.DEVICE_STEPS + 1;
    }
}
