package io.datatoken.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The running stack under test, as {@code ./datatoken up} describes it in {@code run/stack.json}
 * (path in system property {@code datatoken.stack}).
 */
final class Stack {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static Stack current;

    private final JsonNode description;

    private Stack(JsonNode description) {
        this.description = description;
    }

    static synchronized Stack current() {
        if (current == null) {
            String path = System.getProperty("datatoken.stack");
            if (path == null) {
                throw new IllegalStateException("system property datatoken.stack is not set: run the end-to-end "
                        + "tests through 'mvn verify' (the build starts the stack) or './datatoken test'");
            }
            try {
                current = new Stack(JSON.readTree(Files.readString(Path.of(path))));
            } catch (IOException e) {
                throw new UncheckedIOException("no running stack described at " + path, e);
            }
        }
        return current;
    }

    String services() {
        return description.get("services").asText();
    }

    /** The portal's URL; system property {@code datatoken.portal.url} points the tests at another one. */
    String portal() {
        String override = System.getProperty("datatoken.portal.url");
        return override == null || override.isBlank() ? description.get("portal").asText() : override;
    }

    String keycloak() {
        return description.get("keycloak").asText();
    }

    /** The services client's secret from the dev realm overlay (dev only). */
    static String devServicesSecret() {
        Path overlay = Path.of(System.getProperty("datatoken.repository", "..")).resolve("identity/dev/datatoken-dev.json");
        try {
            for (var client : JSON.readTree(Files.readString(overlay)).get("clients")) {
                if (client.path("clientId").asText().equals("datatoken-services")) {
                    return client.get("secret").asText();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("no datatoken-services secret in " + overlay);
    }

    String issuer() {
        return description.get("issuer").asText();
    }

    /** An access token of a dev user, by password grant through a dev-only client. */
    String tokenOf(String username, String client) {
        var form = Map.of("grant_type", "password", "client_id", client, "username", username, "password", "datatoken");
        var response = send(HttpRequest.newBuilder(URI.create(issuer() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"))))
                .build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("no token for " + username + ": " + response.body());
        }
        try {
            return JSON.readTree(response.body()).get("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String tokenOf(String username) {
        return tokenOf(username, "datatoken-dev-cli");
    }

    HttpResponse<String> get(String path, String bearerToken) {
        return get(URI.create(services() + path), bearerToken);
    }

    /** A GET anywhere, e.g. on a compute node ({@link #computeNode(String)}). */
    HttpResponse<String> get(URI url, String bearerToken) {
        var request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(20));
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        return send(request.GET().build());
    }

    HttpResponse<String> post(String path, String bearerToken, String contentType, byte[] body) {
        return post(URI.create(services() + path), bearerToken, contentType, body);
    }

    /** A POST anywhere, e.g. on a compute node ({@link #computeNode(String)}). */
    HttpResponse<String> post(URI url, String bearerToken, String contentType, byte[] body) {
        var request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        return send(request.build());
    }

    /** A POST with an {@code Idempotency-Key} header, as a client that may retry it sends. */
    HttpResponse<String> postIdempotent(String path, String bearerToken, String key, String json) {
        var request = HttpRequest.newBuilder(URI.create(services() + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .header("Authorization", "Bearer " + bearerToken)
                .POST(HttpRequest.BodyPublishers.ofString(json));
        return send(request.build());
    }

    HttpResponse<String> put(String path, String bearerToken, String contentType, byte[] body) {
        var request = HttpRequest.newBuilder(URI.create(services() + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        return send(request.build());
    }

    HttpResponse<String> delete(String path, String bearerToken) {
        return delete(URI.create(services() + path), bearerToken);
    }

    /** A DELETE anywhere, e.g. on a device node. */
    HttpResponse<String> delete(URI url, String bearerToken) {
        var request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(60)).DELETE();
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        return send(request.build());
    }

    /** The base URL of an organization's compute node's API (each node is a server of its own). */
    String computeNode(String organization) {
        return computeEntry("computeNodes", organization);
    }

    /** Where an organization's compute node reads its CSV datasets. */
    Path computeDatasets(String organization) {
        return Path.of(computeEntry("computeDatasets", organization));
    }

    /** The base URL of an end user's device node's API ({@code deviceNodes}: "organization/end user"). */
    String deviceNode(String organization, String endUser) {
        return computeEntry("deviceNodes", organization + "/" + endUser);
    }

    /** Where an end user's device node reads its CSV datasets. */
    Path deviceDatasets(String organization, String endUser) {
        return Path.of(computeEntry("deviceDatasets", organization + "/" + endUser));
    }

    private String computeEntry(String key, String organization) {
        JsonNode entry = description.path(key).get(organization);
        if (entry == null) {
            throw new IllegalStateException("the stack runs no compute node of " + organization + " (" + key + ": "
                    + description.path(key) + ")");
        }
        return entry.asText();
    }

    String chainRpc() {
        return description.get("chainRpc").asText();
    }

    /** The contracts' deployment record of this instance. */
    Path deployment() {
        return Path.of(description.get("deployment").asText());
    }

    /** The dev chain operator's key (anvil's first dev account: public knowledge, dev only). */
    String operatorKey() {
        try {
            return Files.readString(Path.of(description.get("instance").asText(), "state", "secrets", "operator-key")).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String ipfsRpc() {
        return description.get("ipfsRpc").asText();
    }

    static byte[] sendForBytes(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
