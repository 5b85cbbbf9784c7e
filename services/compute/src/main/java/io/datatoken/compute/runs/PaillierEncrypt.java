package io.datatoken.compute.runs;

import io.datatoken.compute.datasets.DatasetBindings;
import io.datatoken.domain.token.DataTokenId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.util.List;

/**
 * {@code paillier-encrypt} on a data owner's node: once the key holder's public key is here, the op
 * encrypts one column of the owner's dataset (the workflow's {@code column}) value by value, and the
 * ciphertexts go to the adding node, which cannot read them.
 */
@ApplicationScoped
public class PaillierEncrypt implements OpDriver {

    @Inject
    JobPlans plans;

    @Inject
    RunBook book;

    @Inject
    DatasetBindings datasets;

    @Inject
    OpCalls ops;

    @Inject
    Deliveries deliveries;

    @Override
    public String opName() {
        return PaillierPlan.ENCRYPT;
    }

    @Override
    public List<DataTokenId> missingInputs(RunContext run) {
        DataTokenId keyHolder = PaillierPlan.of(plans, run.placement()).keyHolder();
        return book.payload(run, keyHolder, RunInput.Kind.PAILLIER_KEY).isPresent() ? List.of() : List.of(keyHolder);
    }

    @Override
    public Outcome run(RunContext run) {
        PaillierPlan plan = PaillierPlan.of(plans, run.placement());
        String publicKey = book.payload(run, plan.keyHolder(), RunInput.Kind.PAILLIER_KEY).orElseThrow();
        double[] values = Columns.of(datasets, run, plan.column());
        JsonArrayBuilder column = Json.createArrayBuilder();
        for (double value : values) {
            column.add(value);
        }
        String input = Json.createObjectBuilder().add("owner", run.dt().value())
                .add("publicKey", OpMessages.requireObject(publicKey)).add("column", column).build().toString();
        String encrypted = OpMessages.object(opName(), ops.json(run, opName(), input), "values");
        deliveries.deliver(run.jobId(), run.dt(), plan.adder(), RunInput.Kind.PAILLIER_VALUES, encrypted);
        return new Outcome(Transfer.sha256(encrypted), "encrypted " + values.length + " values under the key holder's "
                + "key and sent them to the adding node");
    }
}
