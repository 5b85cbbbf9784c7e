package io.datatoken.compute.runs;

import io.datatoken.domain.token.DataTokenId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code paillier-sum} on the third-party node: with the public key and every owner's ciphertexts here,
 * the op adds them into one encrypted sum and count, which goes to the key holder. This node holds no
 * private key: it learns how many values each owner sent, nothing of them.
 */
@ApplicationScoped
public class PaillierSum implements OpDriver {

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
        return PaillierPlan.SUM;
    }

    @Override
    public List<DataTokenId> missingInputs(RunContext run) {
        PaillierPlan plan = PaillierPlan.of(plans, run.placement());
        List<DataTokenId> missing = new ArrayList<>();
        if (book.payload(run, plan.keyHolder(), RunInput.Kind.PAILLIER_KEY).isEmpty()) {
            missing.add(plan.keyHolder());
        }
        plan.owners().stream().filter(o -> book.payload(run, o, RunInput.Kind.PAILLIER_VALUES).isEmpty())
                .forEach(missing::add);
        return missing;
    }

    @Override
    public Outcome run(RunContext run) {
        PaillierPlan plan = PaillierPlan.of(plans, run.placement());
        JsonArrayBuilder values = Json.createArrayBuilder();
        plan.owners().forEach(o -> values.add(OpMessages.requireObject(
                book.payload(run, o, RunInput.Kind.PAILLIER_VALUES).orElseThrow())));
        String input = Json.createObjectBuilder()
                .add("publicKey", OpMessages.requireObject(book.payload(run, plan.keyHolder(), RunInput.Kind.PAILLIER_KEY)
                        .orElseThrow()))
                .add("values", values).build().toString();
        String aggregate = OpMessages.object(opName(), ops.json(run, opName(), input), "aggregate");
        deliveries.deliver(run.jobId(), run.dt(), plan.keyHolder(), RunInput.Kind.PAILLIER_AGGREGATE, aggregate);
        return new Outcome(Transfer.sha256(aggregate), "added the ciphertexts of " + plan.owners().size() + " owner(s) "
                + "without a key to read them; the encrypted aggregate went to the key holder");
    }
}
