package io.datatoken.portal.services;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The verifier's API ({@code /verifier/api/v1}): verifications of compositions and the authorizations they allow. */
@ApplicationScoped
public class VerifierClient {

    static final String BASE = "/verifier/api/v1";

    private ServicesClient client;

    /** For CDI proxies only. */
    protected VerifierClient() {
    }

    @Inject
    public VerifierClient(ServicesClient client) {
        this.client = client;
    }

    /** Verifies a composition against every child's terms: the report, passed or not. */
    public VerificationReport verify(String parent) {
        return client.post(BASE + "/verifications", Map.of("parent", parent), VerificationReport.class);
    }

    /**
     * Verifies a composition not registered yet, given its DDO (the user's organization's): the report
     * it would get, nothing recorded.
     */
    public VerificationReport verifyDraft(JsonNode draft) {
        return client.post(BASE + "/verifications/drafts", draft, VerificationReport.class);
    }

    /**
     * Authorizes the composition's use of the user's asset: on chain only if the terms are met; a
     * {@code 409 terms-not-met} otherwise, whose report {@link #whyDenied} reads.
     *
     * @param expiresAt ISO-8601 instant, or null for until revoked
     */
    public VerificationReport authorize(String child, String parent, String expiresAt) {
        Map<String, String> body = new HashMap<>();
        body.put("child", child);
        body.put("parent", parent);
        if (expiresAt != null) {
            body.put("expiresAt", expiresAt);
        }
        JsonNode answer = client.post(BASE + "/authorizations", body, JsonNode.class);
        return read(answer.path("verification")).orElse(null);
    }

    /** The why-denied report a refusal carries ({@code verification} of a {@code terms-not-met}), if any. */
    public static Optional<VerificationReport> whyDenied(BackendProblem problem) {
        return read(problem.report().path("verification"));
    }

    private static Optional<VerificationReport> read(JsonNode report) {
        if (!report.isObject()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ServicesClient.JSON.treeToValue(report, VerificationReport.class));
        } catch (JsonProcessingException unreadable) {
            return Optional.empty();
        }
    }
}
