package io.datatoken.privacy.fl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.datatoken.privacy.secagg.DeterministicRandom;
import io.datatoken.privacy.secagg.Dropouts;
import io.datatoken.privacy.secagg.FixedPoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import smile.classification.LogisticRegression;

/**
 * Scenario S2 on synthetic wearable data: 20 users' devices, fed-avg through secure aggregation, against
 * Smile's logistic regression trained centrally on the pooled rows of the same users (no penalty, L-BFGS),
 * both scored on 30 other users. Every seed is fixed.
 */
class FederatedTrainingTest {

    private static final int USERS = 20;
    private static final int ROUNDS = 20;
    private static final TrainingPlan PLAN = new TrainingPlan(2, 0.02, 0.1, 0.0);
    private static final List<LabeledSamples> TRAINING;
    private static final LabeledSamples TEST;

    static {
        var cohort = new SyntheticWearableCohort(2026, 60, 300);
        TRAINING = cohort.users(USERS);
        TEST = LabeledSamples.pooled(cohort.users(30));
    }

    @Test
    void federated_training_reaches_the_accuracy_of_centralized_training_within_one_percent() {
        var node = new FedAvgNode(GlobalModel.zero(features()), FixedPoint.DEFAULT);
        var devices = devices(100);

        for (int round = 0; round < ROUNDS; round++) {
            node.round(devices, Dropouts.NONE);
        }

        double centralized = centralizedAccuracy();
        assertThat(centralized).as("the task is not trivial").isGreaterThan(majorityAccuracy() + 0.05);
        assertThat(node.model().accuracy(TEST)).isCloseTo(centralized, within(0.01));
    }

    @Test
    void users_dropping_out_every_round_leave_the_accuracy_within_one_percent() {
        var node = new FedAvgNode(GlobalModel.zero(features()), FixedPoint.DEFAULT);
        var devices = devices(200);
        var pick = new Random(200);

        for (int round = 0; round < ROUNDS; round++) {
            // n - t = 20 - 14 = 6 may drop; 2 never share and 3 share but send no update.
            List<Integer> order = new ArrayList<>();
            for (int user = 0; user < USERS; user++) {
                order.add(user);
            }
            Collections.shuffle(order, pick);
            var dropouts = new Dropouts(Set.copyOf(order.subList(0, 2)), Set.copyOf(order.subList(2, 5)), Set.of());

            RoundReport report = node.round(devices, dropouts);

            var stayed = new HashSet<>(order.subList(5, USERS));
            assertThat(report.contributors()).containsExactlyInAnyOrderElementsOf(stayed);
            assertThat(report.samples()).isEqualTo(stayed.stream().mapToLong(user -> TRAINING.get(user).size()).sum());
        }

        assertThat(node.model().accuracy(TEST)).isCloseTo(centralizedAccuracy(), within(0.01));
    }

    @Test
    void a_round_moves_the_model_by_the_sample_weighted_average_of_the_local_updates() {
        var node = new FedAvgNode(GlobalModel.zero(features()), FixedPoint.DEFAULT);
        var twins = devices(300); // same seeds: the same shuffles as the devices in the round
        double[] start = node.model().weights();

        node.round(devices(300), Dropouts.NONE);

        double[] expected = start.clone();
        double[] weightedSum = new double[start.length];
        long samples = 0;
        for (int user = 0; user < USERS; user++) {
            double[] local = twins.get(user).trainLocally(start, 1);
            int rows = TRAINING.get(user).size();
            for (int j = 0; j < start.length; j++) {
                weightedSum[j] += rows * (local[j] - start[j]);
            }
            samples += rows;
        }
        for (int j = 0; j < start.length; j++) {
            expected[j] += weightedSum[j] / samples;
        }
        // Each of the 20 encoded updates is off by at most 2^-25 per element, divided by the row count.
        assertThat(node.model().weights()).containsExactly(expected, within(FixedPoint.DEFAULT.tolerance(USERS) / samples + 1e-12));
    }

    private static List<EdgeDevice> devices(long seed) {
        List<EdgeDevice> devices = new ArrayList<>();
        for (int user = 0; user < USERS; user++) {
            devices.add(new EdgeDevice(user, TRAINING.get(user), PLAN, new DeterministicRandom(seed + user)));
        }
        return devices;
    }

    private static double centralizedAccuracy() {
        LabeledSamples pooled = LabeledSamples.pooled(TRAINING);
        var model = LogisticRegression.binomial(pooled.features(), pooled.labels(), new LogisticRegression.Options(0.0, 1e-8, 1000));
        return new GlobalModel(model.coefficients()).accuracy(TEST);
    }

    private static double majorityAccuracy() {
        double positives = Arrays.stream(TEST.labels()).sum();
        return Math.max(positives, TEST.size() - positives) / TEST.size();
    }

    private static int features() {
        return SyntheticWearableCohort.FEATURES.size();
    }
}
