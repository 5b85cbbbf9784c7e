package io.datatoken.compute.runs;

import io.datatoken.compute.results.JobResult;
import io.datatoken.compute.results.Results;
import io.datatoken.domain.token.DataTokenId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * {@code psi-request} on the requester's node, in two steps. First the op blinds the party's list
 * with a fresh secret and the query goes to the responder's node; the secret stays here, sealed
 * (decision 0018). When the responder's answer arrives the op finishes with that secret: the
 * intersection is kept on this node for its organization only, and its size goes to the responder
 * only when the composition's terms say so.
 */
@ApplicationScoped
public class PsiRequest implements OpDriver {

    static final String NAME = "psi-request";

    @Inject
    PsiParties parties;

    @Inject
    OpCalls ops;

    @Inject
    Deliveries deliveries;

    @Inject
    Results results;

    @Override
    public String opName() {
        return NAME;
    }

    @Override
    public List<DataTokenId> missingInputs(RunContext run) {
        if (run.step() == 0) {
            return List.of();
        }
        DataTokenId responder = parties.peer(run, PsiRespond.NAME);
        return parties.arrived(run, responder, RunInput.Kind.PSI_ANSWER).isPresent() ? List.of() : List.of(responder);
    }

    @Override
    public Outcome run(RunContext run) {
        DataTokenId responder = parties.peer(run, PsiRespond.NAME);
        return run.step() == 0 ? blind(run, responder) : finish(run, responder);
    }

    private Outcome blind(RunContext run, DataTokenId responder) {
        List<String> items = parties.items(run);
        String input = Json.createObjectBuilder().add("step", "blind").add("run", run.runId())
                .add("items", OpMessages.strings(items))
                .add("terms", OpMessages.requireObject(PsiParties.terms(run))).build().toString();
        JsonObject output = ops.json(run, NAME, input);
        deliveries.deliver(run.jobId(), run.dt(), responder, RunInput.Kind.PSI_QUERY,
                OpMessages.object(NAME, output, "query"));
        return Outcome.continueWith(OpMessages.object(NAME, output, "state"), "blinded " + items.size()
                + " items and sent them to " + responder + "'s node; waiting for its answer");
    }

    private Outcome finish(RunContext run, DataTokenId responder) {
        String answer = parties.arrived(run, responder, RunInput.Kind.PSI_ANSWER).orElseThrow();
        String input = Json.createObjectBuilder().add("step", "finish").add("run", run.runId())
                .add("state", OpMessages.requireObject(run.requireState()))
                .add("answer", OpMessages.requireObject(answer)).build().toString();
        JsonObject output = ops.json(run, NAME, input);
        JsonValue intersection = output.get("intersection");
        if (intersection == null || intersection.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new RunFailed(NAME + " wrote no 'intersection' array");
        }
        int size = intersection.asJsonArray().size();
        String kept = Json.createObjectBuilder().add("intersection", intersection).add("size", size)
                .add("responder", responder.value()).build().toString();
        results.keep(JobResult.of("psi-intersection", run.jobId().value(), run.dt().value(), 2, kept,
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS)));
        boolean told = output.containsKey("forResponder");
        if (told) {
            deliveries.deliver(run.jobId(), run.dt(), responder, RunInput.Kind.PSI_SIZE,
                    OpMessages.object(NAME, output, "forResponder"));
        }
        return new Outcome(Transfer.sha256(kept), "the intersection (" + size + " items) is kept on this node for its "
                + "organization" + (told ? "; its size went to the responder, as the terms say" : ""));
    }

}
