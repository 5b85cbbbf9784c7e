package io.datatoken.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The access token of a confidential client's service account (client credentials grant), reused
 * until shortly before it expires: how a service calls Keycloak's Admin API or another service as
 * itself rather than as a user.
 */
public final class ServiceAccountToken {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeycloakSettings settings;
    private final HttpClient http;
    private String accessToken;
    private Instant expiry = Instant.EPOCH;

    public ServiceAccountToken(KeycloakSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    /**
     * @throws DirectoryUnavailable if Keycloak cannot be reached or refuses the client
     */
    public synchronized String value() {
        if (accessToken == null || Instant.now().isAfter(expiry)) {
            String form = "grant_type=client_credentials&client_id="
                    + URLEncoder.encode(settings.clientId(), StandardCharsets.UTF_8)
                    + "&client_secret=" + URLEncoder.encode(settings.clientSecret(), StandardCharsets.UTF_8);
            HttpRequest request = HttpRequest.newBuilder(URI.create(settings.serverUrl() + "/realms/" + settings.realm()
                            + "/protocol/openid-connect/token"))
                    .timeout(settings.timeout())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build();
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new DirectoryUnavailable("Keycloak at " + settings.serverUrl() + " cannot be reached: "
                        + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DirectoryUnavailable("interrupted while calling Keycloak", e);
            }
            if (response.statusCode() != 200) {
                throw new DirectoryUnavailable("Keycloak refused to authenticate client " + settings.clientId()
                        + ": HTTP " + response.statusCode() + " " + response.body(), null);
            }
            try {
                JsonNode token = JSON.readTree(response.body());
                accessToken = token.get("access_token").asText();
                // Renew 30 s early so a token never expires between check and use.
                expiry = Instant.now().plusSeconds(Math.max(0, token.path("expires_in").asLong(60) - 30));
            } catch (IOException e) {
                throw new DirectoryUnavailable("Keycloak answered a token that is not JSON", e);
            }
        }
        return accessToken;
    }
}
