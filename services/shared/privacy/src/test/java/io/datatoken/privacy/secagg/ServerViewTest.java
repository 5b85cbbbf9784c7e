package io.datatoken.privacy.secagg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * What the server receives from one user, over many rounds: masked inputs that look uniform over Z_2^64
 * and do not depend on the plaintext. Bounds: chi-square with 255 degrees of freedom below its 0.999
 * quantile (330.52), on 50 rounds x 256 elements = 12,800 samples (50 per bin); Pearson correlation with
 * the plaintext below 4 / sqrt(12,800) = 0.035. Seeds are fixed, so the outcome is stable.
 */
class ServerViewTest {

    private static final int ROUNDS = 50;
    private static final int LENGTH = 256;
    private static final int OBSERVED = 1;

    @Test
    void the_masked_input_of_a_constant_update_is_uniform_in_its_top_and_bottom_bytes() {
        long[] observed = serverView(11, round -> new double[LENGTH]); // all zeros: the worst case for a mask

        assertThat(ChiSquare.uniformity(histogram(observed, 56))).as("top byte").isLessThan(ChiSquare.CRITICAL_255_DF_P001);
        assertThat(ChiSquare.uniformity(histogram(observed, 0))).as("value mod 256").isLessThan(ChiSquare.CRITICAL_255_DF_P001);
    }

    @Test
    void the_masked_inputs_of_two_very_different_updates_are_distributed_alike() {
        long[] ofZeros = serverView(12, round -> new double[LENGTH]);
        long[] ofLarge = serverView(13, round -> filled(1e6));

        assertThat(ChiSquare.homogeneity(histogram(ofZeros, 56), histogram(ofLarge, 56)))
                .isLessThan(ChiSquare.CRITICAL_255_DF_P001);
    }

    @Test
    void the_masked_input_is_uncorrelated_with_the_plaintext() {
        var plaintexts = new DeterministicRandom(14);
        List<double[]> inputs = new ArrayList<>();
        long[] observed = serverView(15, round -> {
            double[] input = new double[LENGTH];
            Arrays.setAll(input, i -> (plaintexts.nextDouble() - 0.5) * 2000);
            inputs.add(input);
            return input;
        });
        double[] plain = inputs.stream().flatMapToDouble(Arrays::stream).toArray();
        double[] masked = Arrays.stream(observed).asDoubleStream().toArray();

        assertThat(Math.abs(correlation(plain, masked))).isLessThan(4 / Math.sqrt(plain.length));
    }

    @Test
    void without_the_masks_the_same_statistic_flags_the_plaintext() {
        // The test's power: the bare encodings of a constant update fall into one bin.
        long[] bare = new long[ROUNDS * LENGTH];
        assertThat(ChiSquare.uniformity(histogram(bare, 56))).isGreaterThan(100 * ChiSquare.CRITICAL_255_DF_P001);
    }

    /** The masked inputs user 1 sends in 50 rounds among 3 users (t = 2), as the server receives them. */
    private static long[] serverView(long seed, IntFunction<double[]> observedInput) {
        var random = new DeterministicRandom(seed);
        long[] view = new long[ROUNDS * LENGTH];
        for (int round = 0; round < ROUNDS; round++) {
            var config = new SecAggConfig(round, 2, LENGTH, FixedPoint.DEFAULT);
            var server = new SecAggServer(config);
            List<SecAggClient> clients = new ArrayList<>();
            for (int user = 0; user < 3; user++) {
                double[] input = user == OBSERVED ? observedInput.apply(round) : filled(user);
                clients.add(new SecAggClient(user, config, input, random));
            }
            clients.forEach(client -> server.receive(client.advertiseKeys()));
            Roster roster = server.closeAdvertising();
            clients.forEach(client -> server.receive(client.user(), client.shareKeys(roster)));
            var deliveries = server.closeSharing();
            for (SecAggClient client : clients) {
                MaskedInput masked = client.maskInput(deliveries.get(client.user()));
                server.receive(masked);
                if (client.user() == OBSERVED) {
                    System.arraycopy(masked.masked(), 0, view, round * LENGTH, LENGTH);
                }
            }
        }
        return view;
    }

    private static long[] histogram(long[] values, int shift) {
        long[] counts = new long[256];
        for (long value : values) {
            counts[(int) ((value >>> shift) & 0xff)]++;
        }
        return counts;
    }

    private static double[] filled(double value) {
        double[] input = new double[LENGTH];
        Arrays.fill(input, value);
        return input;
    }

    private static double correlation(double[] x, double[] y) {
        double meanX = Arrays.stream(x).average().orElseThrow();
        double meanY = Arrays.stream(y).average().orElseThrow();
        double covariance = 0;
        double varianceX = 0;
        double varianceY = 0;
        for (int i = 0; i < x.length; i++) {
            covariance += (x[i] - meanX) * (y[i] - meanY);
            varianceX += (x[i] - meanX) * (x[i] - meanX);
            varianceY += (y[i] - meanY) * (y[i] - meanY);
        }
        return covariance / Math.sqrt(varianceX * varianceY);
    }
}
