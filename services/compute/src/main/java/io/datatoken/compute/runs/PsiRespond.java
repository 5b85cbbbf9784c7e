package io.datatoken.compute.runs;

import io.datatoken.compute.results.JobResult;
import io.datatoken.compute.results.Results;
import io.datatoken.domain.token.DataTokenId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * {@code psi-respond} on the responder's node: once the requester's query is here, the op blinds
 * it again and the party's own list with its secret, and the answer goes back to the requester's
 * node. The responder learns nothing more, unless the composition's terms let it learn the
 * intersection's size: then the run waits for the size and keeps it here for its organization.
 */
@ApplicationScoped
public class PsiRespond implements OpDriver {

    static final String NAME = "psi-respond";

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
        DataTokenId requester = parties.peer(run, PsiRequest.NAME);
        RunInput.Kind awaited = run.step() == 0 ? RunInput.Kind.PSI_QUERY : RunInput.Kind.PSI_SIZE;
        return parties.arrived(run, requester, awaited).isPresent() ? List.of() : List.of(requester);
    }

    @Override
    public Outcome run(RunContext run) {
        DataTokenId requester = parties.peer(run, PsiRequest.NAME);
        return run.step() == 0 ? respond(run, requester) : learnSize(run, requester);
    }

    private Outcome respond(RunContext run, DataTokenId requester) {
        List<String> items = parties.items(run);
        String query = parties.arrived(run, requester, RunInput.Kind.PSI_QUERY).orElseThrow();
        String input = Json.createObjectBuilder().add("run", run.runId()).add("items", OpMessages.strings(items))
                .add("terms", OpMessages.requireObject(PsiParties.terms(run)))
                .add("query", OpMessages.requireObject(query)).build().toString();
        String answer = OpMessages.object(NAME, ops.json(run, NAME, input), "answer");
        deliveries.deliver(run.jobId(), run.dt(), requester, RunInput.Kind.PSI_ANSWER, answer);
        String detail = "blinded the requester's query and " + items.size() + " own items; the answer went to "
                + requester + "'s node";
        if (PsiParties.revealSize(run)) {
            // nothing secret to keep: the responder's secret is not needed again
            return Outcome.continueWith("{}", detail + "; waiting for the intersection's size, as the terms say");
        }
        return new Outcome(Transfer.sha256(answer), detail);
    }

    private Outcome learnSize(RunContext run, DataTokenId requester) {
        String message = parties.arrived(run, requester, RunInput.Kind.PSI_SIZE).orElseThrow();
        JsonObject size = OpMessages.requireObject(message);
        JsonValue value = size.get("size");
        if (!(value instanceof JsonNumber number) || !number.isIntegral() || number.longValue() < 0) {
            throw new RunFailed("the requester's node sent no intersection size: " + message);
        }
        String kept = Json.createObjectBuilder().add("size", number.longValue()).add("requester", requester.value())
                .build().toString();
        results.keep(JobResult.of("psi-size", run.jobId().value(), run.dt().value(), 2, kept,
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS)));
        return new Outcome(Transfer.sha256(kept), "the intersection's size (" + number.longValue() + ") is kept on this "
                + "node for its organization");
    }
}
