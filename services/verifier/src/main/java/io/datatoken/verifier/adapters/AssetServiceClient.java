package io.datatoken.verifier.adapters;

import io.datatoken.domain.token.DataTokenId;
import io.datatoken.verifier.verification.AssetGrants;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The asset service's grant endpoints over HTTP, called with the caller's own bearer token. */
final class AssetServiceClient implements AssetGrants {

    private final URI base;
    private final Duration timeout;
    private final HttpClient http;

    AssetServiceClient(URI base, Duration timeout) {
        this.base = base;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Override
    public List<String> parentsAuthorizedBy(DataTokenId child, String bearerToken) {
        HttpResponse<String> response = send(request(child, bearerToken).GET().build());
        requireSuccess(response);
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            JsonArray grants = reader.readArray();
            return grants.getValuesAs(JsonObject.class).stream().map(g -> g.getString("parent")).toList();
        }
    }

    @Override
    public GrantAnswer grant(DataTokenId child, DataTokenId parent, Instant expiresAt, String bearerToken) {
        var body = Json.createObjectBuilder().add("parent", parent.value());
        if (expiresAt != null) {
            body.add("expiresAt", expiresAt.toString());
        }
        HttpResponse<String> response = send(request(child, bearerToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.build().toString())).build());
        requireSuccess(response);
        return new GrantAnswer(response.body(), response.statusCode() == 201);
    }

    private HttpRequest.Builder request(DataTokenId child, String bearerToken) {
        return HttpRequest.newBuilder(URI.create(base + "/v1/assets/" + child.value() + "/grants"))
                .timeout(timeout)
                .header("Authorization", "Bearer " + bearerToken)
                .header("Accept", "application/json");
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssetServiceUnavailable("the asset service at " + base + " cannot be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssetServiceUnavailable("interrupted while calling the asset service", e);
        }
    }

    /** 2xx passes; a problem report is passed on as a refusal; anything else is an outage. */
    private void requireSuccess(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status / 100 == 2) {
            return;
        }
        if (status >= 500 && status != 502) {
            throw new AssetServiceUnavailable("the asset service answered " + status + ": " + response.body(), null);
        }
        String type = null;
        String detail = "the asset service answered " + status;
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            JsonObject problem = reader.readObject();
            type = text(problem.get("type"));
            String said = text(problem.get("detail"));
            detail = said == null ? detail : said;
        } catch (RuntimeException notJson) {
            // an answer without a problem report (e.g. 401 from the security layer): keep the status
        }
        throw new AssetServiceRefused(status, type, detail);
    }

    private static String text(JsonValue value) {
        return value instanceof JsonString s ? s.getString() : null;
    }
}
