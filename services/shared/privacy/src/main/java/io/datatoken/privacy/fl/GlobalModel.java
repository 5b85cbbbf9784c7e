package io.datatoken.privacy.fl;

import smile.classification.LogisticRegression;
import smile.util.IntSet;

/**
 * The model fed-avg maintains and publishes after each round: logistic regression weights in Smile's
 * layout (one per feature, then the intercept).
 */
public record GlobalModel(double[] weights) {

    public GlobalModel {
        weights = weights.clone();
    }

    public static GlobalModel zero(int features) {
        return new GlobalModel(new double[features + 1]);
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    public int features() {
        return weights.length - 1;
    }

    /** A Smile classifier starting from these weights; it owns its own copy. */
    public LogisticRegression.Binomial classifier() {
        return new LogisticRegression.Binomial(weights.clone(), 0.0, 0.0, IntSet.of(2));
    }

    /** The share of rows whose label the model predicts. */
    public double accuracy(LabeledSamples samples) {
        var classifier = classifier();
        int correct = 0;
        for (int i = 0; i < samples.size(); i++) {
            if (classifier.predict(samples.features()[i]) == samples.labels()[i]) {
                correct++;
            }
        }
        return (double) correct / samples.size();
    }
}
