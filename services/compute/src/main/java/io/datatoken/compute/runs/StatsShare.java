package io.datatoken.compute.runs;

import io.datatoken.compute.datasets.DatasetBindings;
import io.datatoken.domain.token.DataTokenId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;

/**
 * {@code stats-share} on a data owner's node: one column of the party's bound dataset (the workflow's
 * {@code column}, 0 first) reduced by the op to its count, sum and sum of squares, split into one
 * additive share per compute asset running stats-sum; each share goes to that asset's node.
 */
@ApplicationScoped
public class StatsShare implements OpDriver {

    @Inject
    JobPlans plans;

    @Inject
    DatasetBindings datasets;

    @Inject
    OpCalls ops;

    @Inject
    Deliveries deliveries;

    @Override
    public String opName() {
        return JointStatsPlan.SHARE;
    }

    @Override
    public List<DataTokenId> missingInputs(RunContext run) {
        return List.of();
    }

    @Override
    public Outcome run(RunContext run) {
        JointStatsPlan plan = JointStatsPlan.of(plans, run.placement());
        double[] values = Columns.of(datasets, run, plan.column());
        JsonArrayBuilder column = Json.createArrayBuilder();
        for (double value : values) {
            column.add(value);
        }
        String input = plan.agreed(Json.createObjectBuilder().add("party", run.dt().value()).add("column", column))
                .build().toString();
        JsonObject output = ops.json(run, opName(), input);
        JsonValue shares = output.get("shares");
        if (shares == null || shares.getValueType() != JsonValue.ValueType.ARRAY
                || shares.asJsonArray().size() != plan.holders().size()) {
            throw new RunFailed(opName() + " wrote no share for each of the " + plan.holders().size() + " compute assets");
        }
        StringBuilder sent = new StringBuilder();
        for (int node = 0; node < plan.holders().size(); node++) {
            String share = shares.asJsonArray().get(node).toString();
            deliveries.deliver(run.jobId(), run.dt(), plan.holders().get(node), RunInput.Kind.STATS_SHARE, share);
            sent.append(share).append('\n');
        }
        return new Outcome(Transfer.sha256(sent.toString()), "sent one share of the count, sum and sum of squares of "
                + values.length + " rows to each of " + plan.holders().size() + " compute assets");
    }
}
