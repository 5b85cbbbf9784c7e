package io.datatoken.privacy.fl;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Synthetic but plausible device data for S2, with a known generating model: each user's wearable logs one
 * row per night (age, BMI, resting heart rate, HRV, minimum SpO2, respiratory rate, skin temperature
 * deviation, sleep, previous day's steps, diagnosed hypertension), labelled 1 when a reference ECG patch
 * saw an arrhythmia episode that night. The label is Bernoulli with logit {@code BETA_0 + BETA . z}, z the
 * features standardized by fixed reference norms ({@link #standardize}, part of the algorithm, not learned
 * from anyone's data). Users differ in age, BMI, baselines and number of nights, so the split is not
 * identically distributed. Deterministic for a given seed.
 */
public final class SyntheticWearableCohort {

    public static final List<String> FEATURES = List.of("age", "bmi", "resting_hr", "hrv_rmssd", "spo2_min",
            "respiratory_rate", "skin_temp_dev", "sleep_hours", "steps_k", "hypertension");

    static final double[] REFERENCE_MEAN = {50, 27, 65, 40, 92, 15, 0, 7, 7, 0.3};
    static final double[] REFERENCE_SD = {15, 5, 10, 15, 3, 2.5, 0.5, 1.2, 3.5, 0.46};
    static final double BETA_0 = -0.2;
    static final double[] BETA = {1.0, 0.6, 0.8, -1.1, -0.9, 0.5, 0.4, -0.4, -0.5, 0.7};

    private final Random random;
    private final int minNights;
    private final int maxNights;

    public SyntheticWearableCohort(long seed, int minNights, int maxNights) {
        this.random = new Random(seed);
        this.minNights = minNights;
        this.maxNights = maxNights;
    }

    /** The standardized rows of the next {@code users} users, one table per user. */
    public List<LabeledSamples> users(int users) {
        List<LabeledSamples> tables = new ArrayList<>(users);
        for (int u = 0; u < users; u++) {
            tables.add(nextUser());
        }
        return tables;
    }

    /** (value - reference mean) / reference SD, feature by feature. */
    public static double[] standardize(double[] raw) {
        double[] z = new double[raw.length];
        for (int j = 0; j < raw.length; j++) {
            z[j] = (raw[j] - REFERENCE_MEAN[j]) / REFERENCE_SD[j];
        }
        return z;
    }

    private LabeledSamples nextUser() {
        double age = 22 + 63 * random.nextDouble();
        double bmi = clamp(27 + 4.5 * random.nextGaussian(), 16, 48);
        double hypertension = random.nextDouble() < sigmoid(-2.5 + 0.05 * (age - 30) + 0.1 * (bmi - 27)) ? 1 : 0;
        double restingHr = 63 + 0.3 * (bmi - 27) + 6 * random.nextGaussian();
        double hrv = Math.max(8, 55 - 0.5 * (age - 40) + 10 * random.nextGaussian());
        double spo2 = 94 - 0.15 * (bmi - 27) + 1.5 * random.nextGaussian();
        double respiratory = 15 + 1.5 * random.nextGaussian();
        double sleep = 7 + 0.8 * random.nextGaussian();
        double steps = Math.max(0.5, 7 + 3 * random.nextGaussian());
        int nights = minNights + random.nextInt(maxNights - minNights + 1);
        double[][] rows = new double[nights][];
        int[] labels = new int[nights];
        for (int n = 0; n < nights; n++) {
            double[] raw = {
                age,
                bmi,
                restingHr + 4 * random.nextGaussian(),
                hrv * Math.exp(0.2 * random.nextGaussian()),
                Math.min(100, spo2 + 1.5 * random.nextGaussian()),
                respiratory + random.nextGaussian(),
                0.35 * random.nextGaussian(),
                clamp(sleep + random.nextGaussian(), 2, 12),
                steps * Math.exp(0.35 * random.nextGaussian()),
                hypertension};
            rows[n] = standardize(raw);
            labels[n] = random.nextDouble() < sigmoid(logit(rows[n])) ? 1 : 0;
        }
        return new LabeledSamples(rows, labels);
    }

    static double logit(double[] z) {
        double logit = BETA_0;
        for (int j = 0; j < z.length; j++) {
            logit += BETA[j] * z[j];
        }
        return logit;
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
