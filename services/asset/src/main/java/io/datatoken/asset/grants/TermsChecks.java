package io.datatoken.asset.grants;

import io.datatoken.domain.token.DataTokenId;
import java.util.List;

/** The verifier's verdict on a child's use in a composition, asked with the caller's own token. */
public interface TermsChecks {

    /**
     * @throws VerifierUnavailable if the verifier cannot be reached or fails
     */
    Verdict verdictOn(DataTokenId parent, DataTokenId child, String bearerToken);

    /** Passed, or the rules broken (their report codes, e.g. {@code consumer-organization}). */
    record Verdict(boolean passed, List<String> brokenRules) {

        public Verdict {
            brokenRules = List.copyOf(brokenRules);
        }
    }

    /** The verifier cannot be reached or failed: nothing is authorized automatically. */
    final class VerifierUnavailable extends RuntimeException {
        public VerifierUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
