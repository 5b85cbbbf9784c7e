package io.datatoken.compute.runs;

import io.datatoken.domain.token.DataTokenId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code stats-sum} on a compute provider's node: once every sharing party's moment share is here,
 * the op adds them into this node's partial sum, which goes to the node of the job's algorithm.
 */
@ApplicationScoped
public class StatsSum implements OpDriver {

    @Inject
    JobPlans plans;

    @Inject
    RunBook book;

    @Inject
    OpCalls ops;

    @Inject
    Deliveries deliveries;

    @Override
    public String opName() {
        return JointStatsPlan.SUM;
    }

    @Override
    public List<DataTokenId> missingInputs(RunContext run) {
        Map<String, RunInput> arrived = arrived(run);
        return JointStatsPlan.of(plans, run.placement()).sharers().stream()
                .filter(s -> !arrived.containsKey(s.value())).toList();
    }

    @Override
    public Outcome run(RunContext run) {
        JointStatsPlan plan = JointStatsPlan.of(plans, run.placement());
        Map<String, RunInput> arrived = arrived(run);
        JsonArrayBuilder shares = Json.createArrayBuilder();
        plan.sharers().forEach(s -> shares.add(OpMessages.requireObject(arrived.get(s.value()).payload())));
        String input = plan.agreed(Json.createObjectBuilder().add("node", plan.holders().indexOf(run.dt()))
                .add("shares", shares)).build().toString();
        String partial = OpMessages.object(opName(), ops.json(run, opName(), input), "partial");
        deliveries.deliver(run.jobId(), run.dt(), run.job().algorithm(), RunInput.Kind.STATS_PARTIAL, partial);
        return new Outcome(Transfer.sha256(partial), "added " + plan.sharers().size() + " parties' moment shares and sent "
                + "the partial sum to the algorithm owner's node");
    }

    private Map<String, RunInput> arrived(RunContext run) {
        return book.inputsTo(run.jobId().value(), run.dt().value()).stream()
                .filter(i -> i.kind() == RunInput.Kind.STATS_SHARE)
                .collect(Collectors.toMap(i -> i.key().from(), Function.identity()));
    }
}
