package io.datatoken.compute.results;

import io.datatoken.compute.datasets.DatasetBindings;
import io.datatoken.compute.runs.ResultInputArrived;
import io.datatoken.compute.runs.RunBook;
import io.datatoken.compute.runs.RunInput;
import io.datatoken.domain.market.Job;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/**
 * Federated training's result at the algorithm owner's node (the medical company's in S2): the model
 * the aggregator sent after the last round, kept for the organization's users, and — when the owner
 * bound a labelled test set to its algorithm asset (features, then the 0/1 label last) — the model's
 * accuracy on it, measured here.
 */
@ApplicationScoped
public class FederatedResults {

    static final String KIND = "federated-model";

    @Inject
    RunBook book;

    @Inject
    DatasetBindings datasets;

    @Inject
    Results results;

    Clock clock = Clock.systemUTC();

    void modelArrived(@Observes ResultInputArrived event) {
        if (event.kind() != RunInput.Kind.FL_MODEL) {
            return;
        }
        Job job = event.job();
        book.inputsTo(job.id().value(), job.algorithm().value()).stream()
                .filter(i -> i.kind() == RunInput.Kind.FL_MODEL).findFirst().ifPresent(input -> {
                    JsonObject trained = parse(input.payload());
                    JsonObjectBuilder outcome = Json.createObjectBuilder(trained);
                    try {
                        datasets.datasetOf(job.algorithm()).ifPresent(test -> {
                            outcome.add("testRows", test.length);
                            outcome.add("testAccuracy", accuracy(trained.getJsonObject("model").getJsonArray("weights"),
                                    test));
                        });
                    } catch (IllegalArgumentException | ClassCastException | NullPointerException unusable) {
                        // the model is kept either way; the owner learns why it was not measured
                        outcome.add("testError", String.valueOf(unusable.getMessage()));
                    }
                    results.keep(JobResult.of(KIND, job.id().value(), job.algorithm().value(), 1,
                            outcome.build().toString(), OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS)));
                });
    }

    /** Share of rows whose label the logistic model (weights, then the intercept) predicts at 0.5. */
    static double accuracy(JsonArray weights, double[][] rows) {
        int features = weights.size() - 1;
        int right = 0;
        for (double[] row : rows) {
            if (row.length != features + 1) {
                throw new IllegalArgumentException("the test set has " + row.length + " columns; the model takes "
                        + features + " features and a label");
            }
            double z = weights.getJsonNumber(features).doubleValue();
            for (int c = 0; c < features; c++) {
                z += weights.getJsonNumber(c).doubleValue() * row[c];
            }
            int predicted = z >= 0 ? 1 : 0;
            if (predicted == (int) Math.round(row[features])) {
                right++;
            }
        }
        return rows.length == 0 ? 0 : (double) right / rows.length;
    }

    private static JsonObject parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
