package io.datatoken.asset.grants;

import io.datatoken.domain.token.DataTokenId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The verifier as the test configures it, child by child: a verdict, or unavailable. Every call is
 * recorded with the bearer token it carried; a child with nothing configured fails the test.
 */
final class RecordingTermsChecks implements TermsChecks {

    private final Map<DataTokenId, Verdict> verdicts = new ConcurrentHashMap<>();
    private final Map<DataTokenId, RuntimeException> failures = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    void passes(DataTokenId child) {
        verdicts.put(child, new Verdict(true, List.of()));
    }

    void denies(DataTokenId child, String... brokenRules) {
        verdicts.put(child, new Verdict(false, List.of(brokenRules)));
    }

    void unavailableFor(DataTokenId child) {
        failures.put(child, new VerifierUnavailable("simulated: the verifier is down", null));
    }

    @Override
    public Verdict verdictOn(DataTokenId parent, DataTokenId child, String bearerToken) {
        calls.add(new Call(parent, child, bearerToken));
        RuntimeException failure = failures.get(child);
        if (failure != null) {
            throw failure;
        }
        Verdict verdict = verdicts.get(child);
        if (verdict == null) {
            throw new AssertionError("the verifier was asked about " + child + ", for which the test set no verdict");
        }
        return verdict;
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    /** One question put to the verifier. */
    record Call(DataTokenId parent, DataTokenId child, String bearerToken) {
    }
}
