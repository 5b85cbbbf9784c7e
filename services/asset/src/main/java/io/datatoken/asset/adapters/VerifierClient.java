package io.datatoken.asset.adapters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datatoken.asset.grants.TermsChecks;
import io.datatoken.domain.token.DataTokenId;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The verifier service's verifications over HTTP, asked with the caller's own bearer token. */
final class VerifierClient implements TermsChecks {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final Duration timeout;
    private final HttpClient http;

    VerifierClient(URI base, Duration timeout) {
        this.base = base;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Override
    public Verdict verdictOn(DataTokenId parent, DataTokenId child, String bearerToken) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/v1/verifications"))
                .timeout(timeout)
                .header("Authorization", "Bearer " + bearerToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("parent", parent.value()).toString()))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new VerifierUnavailable("the verifier at " + base + " cannot be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VerifierUnavailable("interrupted while asking the verifier", e);
        }
        if (response.statusCode() != 200) {
            throw new VerifierUnavailable("the verifier answered " + response.statusCode() + ": " + response.body(), null);
        }
        try {
            for (JsonNode verdict : JSON.readTree(response.body()).path("children")) {
                if (verdict.path("child").asText().equals(child.value())) {
                    List<String> rules = new ArrayList<>();
                    verdict.path("denials").forEach(d -> rules.add(d.path("rule").asText()));
                    return new Verdict(verdict.path("passed").asBoolean(false), rules);
                }
            }
        } catch (IOException e) {
            throw new VerifierUnavailable("the verifier's report is not JSON: " + e.getMessage(), e);
        }
        throw new VerifierUnavailable("the verifier's report on " + parent + " has no verdict on " + child, null);
    }
}
