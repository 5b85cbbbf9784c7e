// ./datatoken bench fedavg: one fed-avg round of scenario S2 over N users (default 100), secure
// aggregation (io.datatoken.privacy.secagg, Bonawitz et al. 2017 with Shamir-shared seeds) against the
// plaintext sample-weighted average of the very same local updates, timed in the same run.
//
// The model is the one of the unit test (logistic regression over the 10 features of
// SyntheticWearableCohort: 11 weights + the sample count = 12 ring elements per update) unless --dim D
// asks for updates of D elements (random values and the sample count, to see the masks' PRG cost grow with the model).
// All parties run in this one JVM, one after another: "clients" is the sum over the N users, what each
// device spends is that divided by N. Edge-train (Smile SGD on each device) is timed apart and is not
// part of either side of the ratio.
//
// Usage: java -cp <privacy module classes and dependencies> bench/fedavg.java [--users 100] [--dim D]
//        [--dropouts F (fraction of users dropping after sharing, default 0)] [--repeats 5] [--warmup 2]
import io.datatoken.privacy.fl.EdgeDevice;
import io.datatoken.privacy.fl.GlobalModel;
import io.datatoken.privacy.fl.LabeledSamples;
import io.datatoken.privacy.fl.SyntheticWearableCohort;
import io.datatoken.privacy.fl.TrainingPlan;
import io.datatoken.privacy.secagg.AggregationResult;
import io.datatoken.privacy.secagg.FixedPoint;
import io.datatoken.privacy.secagg.MaskedInput;
import io.datatoken.privacy.secagg.Roster;
import io.datatoken.privacy.secagg.SecAggClient;
import io.datatoken.privacy.secagg.SecAggConfig;
import io.datatoken.privacy.secagg.SecAggServer;
import io.datatoken.privacy.secagg.ShareDelivery;
import io.datatoken.privacy.secagg.UnmaskRequest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

void main(String[] args) {
    try {
        run(args);
    } catch (IllegalArgumentException bad) {
        // NumberFormatException too: a usage error, said in one line
        System.err.println("bench fedavg: " + bad.getMessage()
                + "\nusage: ./datatoken bench fedavg [--users N] [--dim D] [--dropouts F] [--repeats R] [--warmup W]");
        System.exit(2);
    }
}

void run(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
        options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    int users = Integer.parseInt(options.getOrDefault("users", "100"));
    int dim = Integer.parseInt(options.getOrDefault("dim", "0"));
    double dropoutShare = Double.parseDouble(options.getOrDefault("dropouts", "0"));
    int repeats = Integer.parseInt(options.getOrDefault("repeats", "5"));
    int warmup = Integer.parseInt(options.getOrDefault("warmup", "2"));

    List<LabeledSamples> data = new SyntheticWearableCohort(2026, 60, 300).users(users);
    var plan = new TrainingPlan(2, 0.02, 0.1, 0.0);
    var random = new SecureRandom();
    List<EdgeDevice> devices = new ArrayList<>();
    for (int user = 0; user < users; user++) {
        devices.add(new EdgeDevice(user, data.get(user), plan, random));
    }
    GlobalModel model = GlobalModel.zero(SyntheticWearableCohort.FEATURES.size());
    int threshold = SecAggConfig.recommendedThreshold(users);
    int dropped = (int) Math.floor(dropoutShare * users);
    if (dropped > users - threshold) {
        throw new IllegalArgumentException(dropped + " dropouts exceed n - t = " + (users - threshold));
    }
    int length = dim > 0 ? dim : model.weights().length + 1;
    System.out.printf("fed-avg round: %d users, t = %d, %d dropping after sharing, %d ring elements per update (Z_2^64, %d fraction bits), %s%n",
            users, threshold, dropped, length, FixedPoint.DEFAULT.fractionBits(), Runtime.version());

    List<double[]> secure = new ArrayList<>();
    for (int run = 0; run < warmup + repeats; run++) {
        long round = run + 1;
        long t0 = System.nanoTime();
        List<double[]> updates = new ArrayList<>();
        if (dim > 0) {
            var values = new Random(round);
            for (int user = 0; user < users; user++) {
                double[] update = new double[dim];
                Arrays.setAll(update, i -> values.nextGaussian());
                update[dim - 1] = data.get(user).size(); // the sample count, as in the model's updates
                updates.add(update);
            }
        } else {
            devices.forEach(device -> updates.add(device.localUpdate(model, round)));
        }
        long trainNanos = System.nanoTime() - t0;

        double[] plaintext = null;
        int plaintextRepeats = 1000; // microseconds per average: repeat so that the clock resolves it
        double keepAlive = 0; // every result is used, so the JIT cannot drop the repeats
        long p0 = System.nanoTime();
        for (int i = 0; i < plaintextRepeats; i++) {
            plaintext = plaintextAverage(updates, users - dropped);
            keepAlive += plaintext[i % plaintext.length];
        }
        long plaintextNanos = (System.nanoTime() - p0) / plaintextRepeats;
        if (Double.isNaN(keepAlive)) {
            throw new IllegalStateException("NaN in the plaintext average");
        }

        var config = new SecAggConfig(round, threshold, length, FixedPoint.DEFAULT);
        long[] clientNanos = {0};
        long[] serverNanos = {0};
        var server = new SecAggServer(config);
        List<SecAggClient> clients = new ArrayList<>();
        timed(clientNanos, () -> {
            for (int user = 0; user < users; user++) {
                clients.add(new SecAggClient(user, config, updates.get(user), random));
            }
        });
        for (SecAggClient client : clients) {
            var keys = timed(clientNanos, client::advertiseKeys);
            timed(serverNanos, () -> server.receive(keys));
        }
        Roster roster = timed(serverNanos, server::closeAdvertising);
        for (SecAggClient client : clients) {
            var shares = timed(clientNanos, () -> client.shareKeys(roster));
            timed(serverNanos, () -> server.receive(client.user(), shares));
        }
        Map<Integer, ShareDelivery> deliveries = timed(serverNanos, server::closeSharing);
        for (SecAggClient client : clients) {
            if (client.user() >= users - dropped) {
                continue; // the highest ids drop after sharing: their pairwise masks must be reconstructed
            }
            MaskedInput masked = timed(clientNanos, () -> client.maskInput(deliveries.get(client.user())));
            timed(serverNanos, () -> server.receive(masked));
        }
        UnmaskRequest request = timed(serverNanos, server::closeMasking);
        for (SecAggClient client : clients) {
            if (request.survivors().contains(client.user())) {
                var response = timed(clientNanos, () -> client.unmask(request));
                timed(serverNanos, () -> server.receive(response));
            }
        }
        AggregationResult result = timed(serverNanos, server::aggregate);
        long a0 = System.nanoTime();
        double[] sum = result.sum();
        double[] average = new double[length - 1];
        for (int j = 0; j < average.length; j++) {
            average[j] = sum[j] / sum[length - 1];
        }
        serverNanos[0] += System.nanoTime() - a0;

        double error = 0;
        for (int j = 0; j < average.length; j++) {
            error = Math.max(error, Math.abs(average[j] - plaintext[j]));
        }
        double total = (clientNanos[0] + serverNanos[0]) / 1e6;
        String label = run < warmup ? "warmup" : "run";
        System.out.printf("%-6s %d: edge-train %.1f ms (all devices) | secure %.1f ms (clients %.1f, i.e. %.2f per device; server %.1f) | plaintext %.4f ms | ratio %.0f | max |secure - plaintext| %.2e%n",
                label, round, trainNanos / 1e6, total, clientNanos[0] / 1e6, clientNanos[0] / 1e6 / users, serverNanos[0] / 1e6,
                plaintextNanos / 1e6, total / (plaintextNanos / 1e6), error);
        if (run >= warmup) {
            secure.add(new double[] {total, clientNanos[0] / 1e6, serverNanos[0] / 1e6, plaintextNanos / 1e6});
        }
    }
    double[] median = new double[4];
    for (int k = 0; k < 4; k++) {
        final int column = k;
        double[] values = secure.stream().mapToDouble(row -> row[column]).sorted().toArray();
        median[k] = values[values.length / 2];
    }
    System.out.printf("median of %d: secure round %.1f ms (clients %.1f ms = %.2f ms per device, server %.1f ms), plaintext average %.4f ms, ratio %.0f%n",
            repeats, median[0], median[1], median[1] / users, median[2], median[3], median[0] / median[3]);
}

/** The plaintext baseline: the same sample-weighted average, from the same (n * delta, n) updates of the first {@code included} users. */
double[] plaintextAverage(List<double[]> updates, int included) {
    int length = updates.getFirst().length;
    double[] sum = new double[length];
    for (int user = 0; user < included; user++) {
        double[] update = updates.get(user);
        for (int j = 0; j < length; j++) {
            sum[j] += update[j];
        }
    }
    double[] average = new double[length - 1];
    for (int j = 0; j < average.length; j++) {
        average[j] = sum[j] / sum[length - 1];
    }
    return average;
}

<T> T timed(long[] accumulator, java.util.function.Supplier<T> action) {
    long start = System.nanoTime();
    T value = action.get();
    accumulator[0] += System.nanoTime() - start;
    return value;
}

void timed(long[] accumulator, Runnable action) {
    long start = System.nanoTime();
    action.run();
    accumulator[0] += System.nanoTime() - start;
}
