package io.datatoken.privacy.fl;

import io.datatoken.privacy.secagg.SecAggClient;
import io.datatoken.privacy.secagg.SecAggConfig;
import java.security.SecureRandom;
import java.util.Random;
import smile.classification.LogisticRegression;
import smile.util.IntSet;

/**
 * The op {@code edge-train} on one user's device: trains Smile's logistic regression on the user's rows,
 * starting from the global weights, and hands the update only to a secure-aggregation client. The rows,
 * the local weights and the sample count never leave the device in the clear.
 */
public final class EdgeDevice {

    private final int user;
    private final LabeledSamples data;
    private final TrainingPlan plan;
    private final SecureRandom random;

    public EdgeDevice(int user, LabeledSamples data, TrainingPlan plan, SecureRandom random) {
        this.user = user;
        this.data = data;
        this.plan = plan;
        this.random = random;
    }

    public int user() {
        return user;
    }

    /**
     * One round of edge-train: the secure-aggregation client of this round, loaded with
     * {@link #localUpdate}. Only the client's masked messages leave the device.
     */
    public SecAggClient train(SecAggConfig config, long round, GlobalModel global) {
        return new SecAggClient(user, config, localUpdate(global, round), random);
    }

    /**
     * The device's plaintext contribution {@code (n * (w_local - w_global), n)}: summed over users it gives
     * fed-avg both the numerator and the denominator of the sample-weighted average. It stays on the
     * device; the bench uses it for the plaintext baseline.
     */
    public double[] localUpdate(GlobalModel global, long round) {
        double[] start = global.weights();
        double[] local = trainLocally(start, round);
        double[] update = new double[start.length + 1];
        for (int j = 0; j < start.length; j++) {
            update[j] = data.size() * (local[j] - start[j]);
        }
        update[start.length] = data.size();
        return update;
    }

    double[] trainLocally(double[] start, long round) {
        LogisticRegression.Binomial model = new LogisticRegression.Binomial(start.clone(), 0.0, plan.l2(), IntSet.of(2));
        model.setLearningRate(plan.learningRateAt(round));
        Random shuffle = new Random(random.nextLong());
        int[] order = new int[data.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int epoch = 0; epoch < plan.epochs(); epoch++) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = shuffle.nextInt(i + 1);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
            for (int row : order) {
                model.update(data.features()[row], data.labels()[row]);
            }
        }
        return model.coefficients().clone();
    }
}
