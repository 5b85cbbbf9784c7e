package io.datatoken.compute.runs;

import io.datatoken.domain.token.DataTokenId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code secure-sum} on a compute provider's node: waits for one share from every asset of the
 * composition that runs {@code ss-share}, has the op add them, and sends the partial sum to the
 * node of the job's algorithm (its owner). A partial sum alone reveals nothing about any Z_i.
 */
@ApplicationScoped
public class SecureSum implements OpDriver {

    static final String NAME = "secure-sum";

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
        return NAME;
    }

    @Override
    public List<DataTokenId> missingInputs(RunContext run) {
        Map<String, RunInput> arrived = arrived(run);
        return sharers(run).stream().filter(s -> !arrived.containsKey(s.value())).toList();
    }

    @Override
    public Outcome run(RunContext run) {
        Map<String, RunInput> arrived = arrived(run);
        List<DataTokenId> sharers = sharers(run);
        String input;
        try {
            input = sharers.stream().map(s -> RingMatrices.canonical(arrived.get(s.value()).payload()))
                    .collect(Collectors.joining(",", "{\"shares\":[", "]}"));
        } catch (IllegalArgumentException e) {
            throw new RunFailed("a share this node holds is not a ring matrix: " + e.getMessage(), e);
        }
        String output = ops.text(run, input);
        String sum;
        try {
            sum = RingMatrices.fromOutput(output, "sum");
        } catch (IllegalArgumentException e) {
            throw new RunFailed("secure-sum wrote a malformed sum: " + e.getMessage(), e);
        }
        deliveries.deliver(run.jobId(), run.dt(), run.job().algorithm(), RunInput.Kind.PARTIAL_SUM, sum);
        return new Outcome(Transfer.sha256(sum), "added " + sharers.size() + " shares and sent the partial sum to the "
                + "algorithm owner's node");
    }

    private List<DataTokenId> sharers(RunContext run) {
        return plans.childrenRunning(run.placement(), SsShare.NAME);
    }

    private Map<String, RunInput> arrived(RunContext run) {
        return book.inputsTo(run.jobId().value(), run.dt().value()).stream()
                .filter(i -> i.kind() == RunInput.Kind.SHARE)
                .collect(Collectors.toMap(i -> i.key().from(), Function.identity()));
    }
}
