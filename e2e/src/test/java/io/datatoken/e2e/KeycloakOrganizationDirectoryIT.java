package io.datatoken.e2e;

import io.datatoken.domain.organization.OrganizationDirectory;
import io.datatoken.keycloak.KeycloakOrganizationDirectory;
import io.datatoken.keycloak.KeycloakSettings;
import io.datatoken.keycloak.OrganizationDirectoryContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** The Keycloak adapter obeys the directory contract against the stack's real Keycloak. */
class KeycloakOrganizationDirectoryIT extends OrganizationDirectoryContract {

    private final OrganizationDirectory directory = new KeycloakOrganizationDirectory(new KeycloakSettings(
            URI.create(Stack.current().keycloak()), "datatoken", "datatoken-services", devServicesSecret(),
            Duration.ofSeconds(15)));

    @Override
    protected OrganizationDirectory directory() {
        return directory;
    }

    /** The services client's secret of the dev realm overlay (dev only). */
    private static String devServicesSecret() {
        Path overlay = Path.of(System.getProperty("datatoken.repository", "..")).resolve("identity/dev/datatoken-dev.json");
        try {
            for (var client : Stack.JSON.readTree(Files.readString(overlay)).get("clients")) {
                if (client.path("clientId").asText().equals("datatoken-services")) {
                    return client.get("secret").asText();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("no datatoken-services secret in " + overlay);
    }
}
