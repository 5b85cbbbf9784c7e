package io.datatoken.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the federated learning demos' models are measured against, computed here from the very rows
 * the demos bound: logistic regression trained on every row at once (as dev/demo/fl-data.mjs does).
 */
final class CentralTraining {

    static final int FEATURES = 4;
    /** One point of test accuracy: 6 of 600 rows, whose float difference can exceed 0.01 by an ulp. */
    static final double ONE_POINT = 0.01 + 1e-9;

    private CentralTraining() {
    }

    /** A demo's CSV rows (x1..x4, label), header skipped. */
    static List<double[]> rows(Path file) throws IOException {
        List<double[]> rows = new ArrayList<>();
        Files.readAllLines(file).stream().skip(1).filter(l -> !l.isBlank())
                .forEach(l -> rows.add(Arrays.stream(l.split(",")).mapToDouble(Double::parseDouble).toArray()));
        return rows;
    }

    /** Logistic regression on every row at once: full-batch gradient descent to convergence. */
    static double[] model(List<double[]> rows) {
        double[] w = new double[FEATURES + 1];
        for (int epoch = 0; epoch < 2000; epoch++) {
            double[] gradient = new double[FEATURES + 1];
            for (double[] r : rows) {
                double error = 1 / (1 + Math.exp(-score(w, r))) - r[FEATURES];
                for (int i = 0; i < FEATURES; i++) {
                    gradient[i] += error * r[i];
                }
                gradient[FEATURES] += error;
            }
            for (int i = 0; i <= FEATURES; i++) {
                w[i] -= 0.5 * gradient[i] / rows.size();
            }
        }
        return w;
    }

    static double accuracy(double[] w, List<double[]> rows) {
        return rows.stream().filter(r -> (score(w, r) >= 0 ? 1 : 0) == (int) r[FEATURES]).count() / (double) rows.size();
    }

    private static double score(double[] w, double[] row) {
        double z = w[FEATURES];
        for (int i = 0; i < FEATURES; i++) {
            z += w[i] * row[i];
        }
        return z;
    }
}
