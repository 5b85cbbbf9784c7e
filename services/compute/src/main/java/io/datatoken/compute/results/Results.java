package io.datatoken.compute.results;

import io.datatoken.compute.datasets.DatasetBindings;
import io.datatoken.compute.runs.JobPlans;
import io.datatoken.compute.runs.ResultInputArrived;
import io.datatoken.compute.runs.RingMatrices;
import io.datatoken.compute.runs.RunBook;
import io.datatoken.compute.runs.RunInput;
import io.datatoken.domain.market.Job;
import io.datatoken.domain.token.DataTokenId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The algorithm owner's side of a job: once every secure-sum node's partial sum is here, Z is their
 * sum over Z_(2^64), decoded from fixed point; if the owner bound labels to its algorithm asset, a
 * linear model is trained on Z. Nothing else ever sees Z.
 */
@ApplicationScoped
public class Results {

    private static final Logger LOG = Logger.getLogger(Results.class.getName());

    @Inject
    RunBook book;

    @Inject
    JobPlans plans;

    @Inject
    DatasetBindings datasets;

    @Inject
    Reconstructions store;

    Clock clock = Clock.systemUTC();

    void partArrived(@Observes ResultInputArrived event) {
        if (event.kind() != RunInput.Kind.PARTIAL_SUM) {
            return;
        }
        Job job = event.job();
        if (store.find(job.id().value()).isPresent()) {
            return;
        }
        JobPlans.Placement workflow = plans.workflowOf(job.algorithm()).orElse(null);
        if (workflow == null) {
            return;
        }
        List<DataTokenId> expected = plans.childrenRunning(workflow, "secure-sum");
        Map<String, RunInput> parts = book.inputsTo(job.id().value(), job.algorithm().value()).stream()
                .filter(i -> i.kind() == RunInput.Kind.PARTIAL_SUM)
                .collect(Collectors.toMap(i -> i.key().from(), Function.identity()));
        if (expected.isEmpty() || !expected.stream().allMatch(e -> parts.containsKey(e.value()))) {
            return;
        }
        double[][] z = decode(expected.stream().map(e -> RingMatrices.parse(parts.get(e.value()).payload())).toList(),
                scaleBits(workflow));
        String model = datasets.datasetOf(job.algorithm()).map(labels -> train(z, labels)).orElse(null);
        try {
            store.keep(new JobResult(job.id().value(), job.algorithm().value(), expected.size(), json(z), model,
                    OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS)));
        } catch (PersistenceException | TransactionalException raced) {
            LOG.fine(() -> "the result of job " + job.id() + " was kept by a concurrent arrival");
        }
    }

    public Optional<JobResult> of(String job) {
        return store.find(job);
    }

    /**
     * Keeps a result of another kind than S1's for this node's organization; the same job's result
     * kept before (a retried step) stays.
     */
    public void keep(JobResult result) {
        if (store.find(result.job()).isPresent()) {
            return;
        }
        try {
            store.keep(result);
        } catch (PersistenceException | TransactionalException e) {
            if (store.find(result.job()).isEmpty()) {
                throw e;
            }
            LOG.fine(() -> "the result of job " + result.job() + " was kept by a concurrent step");
        }
    }

    /** Σ parts over Z_(2^64) (long addition wraps there), read as signed fixed point. */
    static double[][] decode(List<long[][]> parts, int scaleBits) {
        long[][] first = parts.get(0);
        double[][] z = new double[first.length][first[0].length];
        double scale = Math.pow(2, scaleBits);
        for (int r = 0; r < first.length; r++) {
            for (int c = 0; c < first[r].length; c++) {
                long sum = 0;
                for (long[][] part : parts) {
                    if (part.length != first.length || part[r].length != first[r].length) {
                        throw new IllegalArgumentException("the partial sums have different shapes");
                    }
                    sum += part[r][c];
                }
                z[r][c] = sum / scale;
            }
        }
        return z;
    }

    private static int scaleBits(JobPlans.Placement workflow) {
        try {
            return Integer.parseInt(workflow.config("scale_bits", "16"));
        } catch (NumberFormatException e) {
            return 16;
        }
    }

    private static String train(double[][] z, double[][] labels) {
        JsonObjectBuilder model = Json.createObjectBuilder().add("type", "linear-regression");
        try {
            double[] y = new double[labels.length];
            for (int r = 0; r < labels.length; r++) {
                y[r] = labels[r][0];
            }
            LinearModel fit = LinearModel.fit(z, y);
            JsonArrayBuilder coefficients = Json.createArrayBuilder();
            for (double b : fit.coefficients()) {
                coefficients.add(b);
            }
            model.add("intercept", fit.intercept()).add("coefficients", coefficients).add("rSquared", fit.rSquared())
                    .add("rows", fit.rows());
        } catch (IllegalArgumentException e) {
            model.add("error", e.getMessage());
        }
        return model.build().toString();
    }

    private static String json(double[][] z) {
        JsonArrayBuilder rows = Json.createArrayBuilder();
        for (double[] row : z) {
            JsonArrayBuilder cells = Json.createArrayBuilder();
            for (double v : row) {
                cells.add(v);
            }
            rows.add(cells);
        }
        return rows.build().toString();
    }

    /** The job_result rows. */
    @ApplicationScoped
    public static class Reconstructions {

        @PersistenceContext(unitName = "compute")
        EntityManager entities;

        public Optional<JobResult> find(String job) {
            return Optional.ofNullable(entities.find(JobResult.class, job));
        }

        @Transactional
        public void keep(JobResult result) {
            entities.persist(result);
            entities.flush();
        }
    }
}
