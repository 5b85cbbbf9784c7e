package io.datatoken.job.adapters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datatoken.domain.market.ExecutionRequest;
import io.datatoken.domain.market.JobId;
import io.datatoken.domain.market.SignedExecutionRequest;
import io.datatoken.domain.op.OpHash;
import io.datatoken.domain.token.DataTokenId;
import io.datatoken.job.orchestration.ComputeNodes;
import io.datatoken.job.orchestration.NodeAnswer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Hands execution requests to compute nodes over HTTP ({@code POST <node>/v1/executions}, the body a
 * compute node's {@code RequestView}). No bearer token: a node trusts only the request's signature
 * and the chain, and the endpoint comes from an asset owner's document, so no platform credential
 * may travel there (decision 0014). 202 is accepted; 409
 * {@code execution-refused} (and any other 400, 403, 409 or 422) refused for good; no answer, 401,
 * 404, 408, 429 and 5xx unavailable, worth a fresh request later.
 */
final class HttpComputeNodes implements ComputeNodes {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A node's refusal codes are short kebab-case words; anything else is not kept. */
    private static final Pattern REASON = Pattern.compile("[a-z0-9-]{1,40}");
    private static final int MAX_REASONS = 12;
    private static final int MAX_BODY_SHOWN = 500;

    private final Duration timeout;
    private final HttpClient http;

    /** @param timeout for connecting, and again for the node's answer */
    HttpComputeNodes(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public NodeAnswer submit(URI node, SignedExecutionRequest signed) {
        URI executions = URI.create(node.toString().replaceAll("/+$", "") + "/v1/executions");
        HttpResponse<String> response;
        try {
            HttpRequest request = HttpRequest.newBuilder(executions)
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json, application/problem+json")
                    .POST(HttpRequest.BodyPublishers.ofString(body(signed)))
                    .build();
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException | IllegalArgumentException e) {
            return new NodeAnswer.Unavailable("cannot reach " + executions + ": " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new NodeAnswer.Unavailable("interrupted while waiting for " + executions);
        }
        return answer(executions, response.statusCode(), response.body());
    }

    @Override
    public Optional<String> failure(URI node, JobId job, DataTokenId dt, OpHash op) {
        URI runs = URI.create(node.toString().replaceAll("/+$", "") + "/v1/runs?job=" + job.value());
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(runs).timeout(timeout)
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return Optional.empty();
            }
            for (JsonNode run : parse(response.body())) {
                if (run.path("dt").asText().equals(dt.value()) && run.path("op").asText().equals(op.value())
                        && run.path("state").asText().equals("FAILED")) {
                    return Optional.of(shown(run.path("detail").asText("")));
                }
            }
            return Optional.empty();
        } catch (IOException | IllegalArgumentException unavailable) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static NodeAnswer answer(URI executions, int status, String body) {
        if (status == 202 || status == 200 || status == 201) {
            return new NodeAnswer.Accepted();
        }
        if (status == 400 || status == 403 || status == 409 || status == 422) {
            JsonNode problem = parse(body);
            List<String> reasons = new ArrayList<>();
            problem.path("reasons").forEach(r -> {
                if (r.isTextual() && REASON.matcher(r.asText()).matches() && reasons.size() < MAX_REASONS) {
                    reasons.add(r.asText());
                }
            });
            String detail = problem.path("detail").isTextual() ? problem.path("detail").asText() : shown(body);
            return new NodeAnswer.Refused(reasons, status + " " + detail);
        }
        return new NodeAnswer.Unavailable(executions + " answered " + status + ": " + shown(body));
    }

    private static String body(SignedExecutionRequest signed) {
        ExecutionRequest r = signed.request();
        ObjectNode body = JSON.createObjectNode()
                .put("job", r.job().value())
                .put("dt", r.dt().value())
                .put("op", r.op().value())
                .put("nonce", r.nonce())
                .put("expiresAt", r.expiresAt().toString())
                .put("signature", signed.signature());
        return body.toString();
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException notJson) {
            return JSON.createObjectNode();
        }
    }

    private static String shown(String body) {
        String text = body == null ? "" : body.strip();
        return text.length() <= MAX_BODY_SHOWN ? text : text.substring(0, MAX_BODY_SHOWN) + "…";
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + " " + e.getMessage();
    }
}
