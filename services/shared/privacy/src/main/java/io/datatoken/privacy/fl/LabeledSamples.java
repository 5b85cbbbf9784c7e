package io.datatoken.privacy.fl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Rows of features with a binary label each (0 or 1). */
public record LabeledSamples(double[][] features, int[] labels) {

    public LabeledSamples {
        if (features.length != labels.length) {
            throw new IllegalArgumentException(features.length + " rows, " + labels.length + " labels");
        }
    }

    public int size() {
        return labels.length;
    }

    public int featureCount() {
        return features.length == 0 ? 0 : features[0].length;
    }

    /** All rows of several holders in one table: what centralized training would see. */
    public static LabeledSamples pooled(List<LabeledSamples> parts) {
        List<double[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (LabeledSamples part : parts) {
            rows.addAll(Arrays.asList(part.features()));
            Arrays.stream(part.labels()).forEach(labels::add);
        }
        return new LabeledSamples(rows.toArray(double[][]::new), labels.stream().mapToInt(Integer::intValue).toArray());
    }
}
