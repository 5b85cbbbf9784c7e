package io.datatoken.compute.runs;

import io.datatoken.domain.token.DataTokenId;
import io.datatoken.privacy.secagg.SecAggConfig;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;

/**
 * Federated averaging as a composition plans it (scenario S2): the devices that train on their own
 * rows (edge-train; user ids 1, 2, … in document order) and the one node that averages their masked
 * updates (fed-avg), the number of rounds, and the training parameters from the workflow's configs
 * ({@code rounds}, {@code features}, {@code epochs}, {@code learning_rate} in thousandths,
 * {@code threshold}: the fewest devices a round's sum is unmasked from, by default the op's
 * recommendation for the number of devices; {@code dropout_after}: the seconds a phase waits for the
 * devices before it goes on without the silent ones, 0 (the default) to wait for every device).
 */
public record FederatedPlan(List<DataTokenId> devices, DataTokenId aggregator, int rounds, int features, int epochs,
                            double learningRate, int threshold, Duration dropoutAfter) {

    static final String TRAIN = "edge-train";
    static final String AVERAGE = "fed-avg";
    /** A fed-avg round is five steps of the aggregator's op, an edge-train round four of each device's. */
    static final int AGGREGATOR_STEPS = 5;
    static final int DEVICE_STEPS = 4;

    public static FederatedPlan of(JobPlans plans, JobPlans.Placement placement) {
        List<DataTokenId> devices = plans.childrenRunning(placement, TRAIN);
        if (devices.size() < 3) {
            throw new RunFailed("the composition " + placement.composition() + " gives " + devices.size()
                    + " devices edge-train; secure aggregation needs at least 3");
        }
        List<DataTokenId> aggregators = plans.childrenRunning(placement, AVERAGE);
        if (aggregators.size() != 1) {
            throw new RunFailed("the composition " + placement.composition() + " gives " + aggregators.size()
                    + " assets fed-avg; federated averaging has exactly one");
        }
        return new FederatedPlan(devices, aggregators.get(0),
                placement.wholeConfig("rounds", 5, 1, RunInput.Kind.MAX_ROUNDS),
                placement.wholeConfig("features", 0, 1, 1000),
                placement.wholeConfig("epochs", 2, 1, 100),
                placement.wholeConfig("learning_rate", 100, 1, 10_000) / 1000.0,
                placement.wholeConfig("threshold", 0, 0, 255),
                Duration.ofSeconds(placement.wholeConfig("dropout_after", 0, 0, 3600)));
    }

    /** The fewest devices a round can go on with: the threshold, else the op's recommendation for the devices. */
    int survivorsNeeded() {
        return threshold > 0 ? threshold : SecAggConfig.recommendedThreshold(devices.size());
    }

    /** The device's user id in the round's secure aggregation (1 first). */
    int userOf(DataTokenId device) {
        int index = devices.indexOf(device);
        if (index < 0) {
            throw new RunFailed(device + " is not a device of this federated training");
        }
        return index + 1;
    }

    DataTokenId deviceOf(int user) {
        if (user < 1 || user > devices.size()) {
            throw new RunFailed("the aggregator's op named user " + user + ", not one of 1.." + devices.size());
        }
        return devices.get(user - 1);
    }

    /** The model every device starts from: all weights and the intercept zero. */
    JsonObject initialModel() {
        var weights = Json.createArrayBuilder();
        for (int i = 0; i <= features; i++) {
            weights.add(0.0);
        }
        return Json.createObjectBuilder().add("weights", weights).build();
    }

    JsonObject training() {
        return Json.createObjectBuilder().add("epochs", epochs).add("learningRate", learningRate).add("decay", 0.0)
                .add("l2", 0.0).build();
    }
}
