package io.datatoken.keycloak;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach Keycloak's Admin REST API: the server URL (without {@code /realms}), the realm, and
 * the confidential client whose service account holds realm-management's manage-realm and
 * manage-users roles.
 */
public record KeycloakSettings(URI serverUrl, String realm, String clientId, String clientSecret, Duration timeout) {

    public KeycloakSettings {
        Objects.requireNonNull(serverUrl, "serverUrl");
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
    }

    @Override
    public String toString() {
        return "KeycloakSettings[" + serverUrl + ", realm " + realm + ", client " + clientId + "]";
    }
}
