package io.datatoken.privacy.fl;

import io.datatoken.privacy.secagg.AggregationResult;
import io.datatoken.privacy.secagg.Dropouts;
import io.datatoken.privacy.secagg.FixedPoint;
import io.datatoken.privacy.secagg.SecAggClient;
import io.datatoken.privacy.secagg.SecAggConfig;
import io.datatoken.privacy.secagg.SecAggRound;
import io.datatoken.privacy.secagg.SecAggServer;
import java.util.List;

/**
 * The op {@code fed-avg} on the vendor's node: per round, every device trains from the current global
 * model, and the node learns only the secure-aggregation sum of {@code (n_i * delta_i, n_i)} over the users
 * who stayed, from which it moves the model by the sample-weighted average update.
 */
public final class FedAvgNode {

    private final FixedPoint fixedPoint;
    private GlobalModel model;
    private long round;

    public FedAvgNode(GlobalModel initial, FixedPoint fixedPoint) {
        this.model = initial;
        this.fixedPoint = fixedPoint;
    }

    public GlobalModel model() {
        return model;
    }

    public RoundReport round(List<EdgeDevice> devices, Dropouts dropouts) {
        round++;
        int length = model.weights().length + 1;
        var config = new SecAggConfig(round, SecAggConfig.recommendedThreshold(devices.size()), length, fixedPoint);
        List<SecAggClient> clients = devices.stream().map(device -> device.train(config, round, model)).toList();
        AggregationResult aggregate = SecAggRound.run(new SecAggServer(config), clients, dropouts);
        model = averaged(model, aggregate.sum());
        return new RoundReport(round, model, aggregate.contributors(), samples(aggregate.sum()));
    }

    /**
     * The model moved by the sample-weighted average update, from the round's sum: {@code sum_u n_u *
     * delta_u} per weight, then {@code sum_u n_u}. Unchanged when the contributors hold no rows.
     */
    public static GlobalModel averaged(GlobalModel model, double[] sum) {
        double[] weights = model.weights();
        if (sum.length != weights.length + 1) {
            throw new IllegalArgumentException("a sum of " + sum.length + " elements for " + weights.length + " weights");
        }
        long samples = samples(sum);
        if (samples == 0) {
            return model;
        }
        for (int j = 0; j < weights.length; j++) {
            weights[j] += sum[j] / samples;
        }
        return new GlobalModel(weights);
    }

    /** The rows behind a round's sum: its last element, an integer (exact in the fixed point). */
    public static long samples(double[] sum) {
        return Math.round(sum[sum.length - 1]);
    }
}
