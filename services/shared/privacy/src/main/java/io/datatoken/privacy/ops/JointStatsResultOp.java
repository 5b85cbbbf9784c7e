package io.datatoken.privacy.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datatoken.privacy.stats.JointStatistics;
import io.datatoken.privacy.stats.PartialMoments;
import io.datatoken.privacy.stats.StatsRecipient;
import java.util.ArrayList;
import java.util.List;

/**
 * Op {@code stats-result}, at the result recipient's node: the column's count, sum, mean and
 * variances over every party's rows from the compute nodes' partial sums. Input {@code
 * {"computeNodes", "parties", "partials": [...]}}; output {@code {"parties", "count", "sum", "mean"?,
 * "populationVariance"?, "sampleVariance"?}} (a mean needs a row, a sample variance two).
 */
public final class JointStatsResultOp {

    private JointStatsResultOp() {
    }

    public static void main(String[] args) {
        OpIo.main(JointStatsResultOp::run, System.in, System.out, System.err);
    }

    static ObjectNode run(JsonNode input) {
        List<PartialMoments> partials = new ArrayList<>();
        OpIo.arrayField(input, "partials").forEach(p -> partials.add(StatsWire.partial(p)));
        JointStatistics statistics = new StatsRecipient(StatsWire.parameters(input)).statistics(partials);
        ObjectNode output = OpIo.JSON.createObjectNode();
        statistics.parties().forEach(output.putArray("parties")::add);
        output.put("count", statistics.count());
        output.put("sum", statistics.sum());
        statistics.mean().ifPresent(v -> output.put("mean", v));
        statistics.populationVariance().ifPresent(v -> output.put("populationVariance", v));
        statistics.sampleVariance().ifPresent(v -> output.put("sampleVariance", v));
        return output;
    }
}
