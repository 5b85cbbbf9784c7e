package io.datatoken.compute.runs;

import io.datatoken.compute.results.JobResult;
import io.datatoken.compute.results.Results;
import io.datatoken.domain.token.DataTokenId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code paillier-keyholder} on the node of the party that wants the aggregate, in two steps: the op
 * makes a key pair, the public key goes to every data owner and to the adding node, the private key
 * stays here sealed (decision 0018); once the encrypted aggregate arrives the op decrypts it, and the
 * sum, count and mean are kept on this node for its organization. No one else can decrypt anything.
 */
@ApplicationScoped
public class PaillierKeyHolder implements OpDriver {

    @Inject
    JobPlans plans;

    @Inject
    RunBook book;

    @Inject
    OpCalls ops;

    @Inject
    Deliveries deliveries;

    @Inject
    Results results;

    @Override
    public String opName() {
        return PaillierPlan.KEY_HOLDER;
    }

    @Override
    public List<DataTokenId> missingInputs(RunContext run) {
        if (run.step() == 0) {
            return List.of();
        }
        DataTokenId adder = PaillierPlan.of(plans, run.placement()).adder();
        return book.payload(run, adder, RunInput.Kind.PAILLIER_AGGREGATE).isPresent() ? List.of() : List.of(adder);
    }

    @Override
    public Outcome run(RunContext run) {
        PaillierPlan plan = PaillierPlan.of(plans, run.placement());
        if (run.step() == 0) {
            JsonObject output = ops.json(run, opName(), Json.createObjectBuilder().add("step", "keygen").add("run", run.runId())
                    .add("modulusBits", plan.modulusBits()).build().toString());
            String publicKey = OpMessages.object(opName(), output, "publicKey");
            List<DataTokenId> readers = new ArrayList<>(plan.owners());
            readers.add(plan.adder());
            for (DataTokenId reader : readers) {
                deliveries.deliver(run.jobId(), run.dt(), reader, RunInput.Kind.PAILLIER_KEY, publicKey);
            }
            return Outcome.continueWith(OpMessages.object(opName(), output, "state"), "made a " + plan.modulusBits()
                    + "-bit key pair; the public key went to " + plan.owners().size() + " data owner(s) and the adding "
                    + "node; waiting for the encrypted aggregate");
        }
        String aggregate = book.payload(run, plan.adder(), RunInput.Kind.PAILLIER_AGGREGATE).orElseThrow();
        JsonObject result = ops.json(run, opName(), Json.createObjectBuilder().add("step", "decrypt").add("run", run.runId())
                .add("state", OpMessages.requireObject(run.requireState()))
                .add("aggregate", OpMessages.requireObject(aggregate)).build().toString());
        String kept = result.toString();
        results.keep(JobResult.of("paillier-aggregate", run.jobId().value(), run.dt().value(), plan.owners().size(), kept,
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS)));
        return new Outcome(Transfer.sha256(kept), "decrypted the aggregate of " + plan.owners().size() + " owner(s); "
                + "kept on this node for its organization");
    }

}
