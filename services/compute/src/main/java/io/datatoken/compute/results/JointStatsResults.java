package io.datatoken.compute.results;

import io.datatoken.compute.runs.JobPlans;
import io.datatoken.compute.runs.JointStatsPlan;
import io.datatoken.compute.runs.ResultInputArrived;
import io.datatoken.compute.runs.RunBook;
import io.datatoken.compute.runs.RunFailed;
import io.datatoken.compute.runs.RunInput;
import io.datatoken.domain.market.Job;
import io.datatoken.domain.token.DataTokenId;
import io.datatoken.privacy.stats.JointStatistics;
import io.datatoken.privacy.stats.Moments;
import io.datatoken.privacy.stats.PartialMoments;
import io.datatoken.privacy.stats.StatsParameters;
import io.datatoken.privacy.stats.StatsRecipient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Joint statistics at the algorithm owner's node: once every stats-sum node's partial sum is here,
 * the column's count, sum, mean and variances over all parties' rows (the privacy module's recipient);
 * kept for the organization's users like S1's Z. No single partial tells anything.
 */
@ApplicationScoped
public class JointStatsResults {

    static final String KIND = "joint-statistics";

    private static final Logger LOG = Logger.getLogger(JointStatsResults.class.getName());

    @Inject
    RunBook book;

    @Inject
    JobPlans plans;

    @Inject
    Results results;

    Clock clock = Clock.systemUTC();

    void partialArrived(@Observes ResultInputArrived event) {
        if (event.kind() != RunInput.Kind.STATS_PARTIAL) {
            return;
        }
        Job job = event.job();
        if (results.of(job.id().value()).isPresent()) {
            return;
        }
        JobPlans.Placement workflow = plans.workflowOf(job.algorithm()).orElse(null);
        if (workflow == null) {
            return;
        }
        JointStatsPlan plan;
        try {
            plan = JointStatsPlan.of(plans, workflow);
        } catch (RunFailed e) {
            LOG.info(() -> "job " + job.id() + ": no joint statistics: " + e.getMessage());
            return;
        }
        Map<String, RunInput> parts = book.inputsTo(job.id().value(), job.algorithm().value()).stream()
                .filter(i -> i.kind() == RunInput.Kind.STATS_PARTIAL)
                .collect(Collectors.toMap(i -> i.key().from(), Function.identity()));
        if (!plan.holders().stream().allMatch(h -> parts.containsKey(h.value()))) {
            return;
        }
        String outcome;
        try {
            List<PartialMoments> partials = new ArrayList<>();
            for (DataTokenId holder : plan.holders()) {
                partials.add(partial(parts.get(holder.value()).payload()));
            }
            outcome = json(new StatsRecipient(new StatsParameters(plan.holders().size(), plan.sharers().size(),
                    plan.scaleBits(), plan.valueBits())).statistics(partials), plan);
        } catch (IllegalArgumentException | IllegalStateException | JsonException | ClassCastException e) {
            outcome = Json.createObjectBuilder().add("error", "the partial sums do not combine: " + e.getMessage())
                    .build().toString();
        }
        results.keep(JobResult.of(KIND, job.id().value(), job.algorithm().value(), plan.holders().size(), outcome,
                OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS)));
    }

    /** A stats-sum op's partial: {"node", "parties": [...], "sum": {count, sum, squaresLow, squaresHigh}} in ring words. */
    static PartialMoments partial(String payload) {
        try (JsonReader reader = Json.createReader(new StringReader(payload))) {
            JsonObject partial = reader.readObject();
            JsonObject sum = partial.getJsonObject("sum");
            return new PartialMoments(partial.getInt("node"),
                    partial.getJsonArray("parties").getValuesAs(JsonString.class).stream().map(JsonString::getString)
                            .toList(),
                    new Moments(word(sum, "count"), word(sum, "sum"), word(sum, "squaresLow"), word(sum, "squaresHigh")));
        }
    }

    private static long word(JsonObject moments, String name) {
        String hex = moments.getString(name, "");
        if (!hex.matches("[0-9a-f]{16}")) {
            throw new IllegalArgumentException("'" + name + "' is not a ring word (16 lower-case hex digits)");
        }
        return HexFormat.fromHexDigitsToLong(hex);
    }

    private static String json(JointStatistics statistics, JointStatsPlan plan) {
        JsonObjectBuilder out = Json.createObjectBuilder().add("column", plan.column())
                .add("parties", Json.createArrayBuilder(statistics.parties())).add("count", statistics.count())
                .add("sum", statistics.sum());
        statistics.mean().ifPresent(v -> out.add("mean", v));
        statistics.populationVariance().ifPresent(v -> out.add("populationVariance", v));
        statistics.sampleVariance().ifPresent(v -> out.add("sampleVariance", v));
        return out.build().toString();
    }
}
