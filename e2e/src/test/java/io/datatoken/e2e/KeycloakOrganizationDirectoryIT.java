package io.datatoken.e2e;

import io.datatoken.domain.organization.OrganizationDirectory;
import io.datatoken.keycloak.KeycloakOrganizationDirectory;
import io.datatoken.keycloak.KeycloakSettings;
import io.datatoken.keycloak.OrganizationDirectoryContract;
import java.net.URI;
import java.time.Duration;

/** The Keycloak adapter obeys the directory contract against the stack's real Keycloak. */
class KeycloakOrganizationDirectoryIT extends OrganizationDirectoryContract {

    private final OrganizationDirectory directory = new KeycloakOrganizationDirectory(new KeycloakSettings(
            URI.create(Stack.current().keycloak()), "datatoken", "datatoken-services", Stack.devServicesSecret(),
            Duration.ofSeconds(15)));

    @Override
    protected OrganizationDirectory directory() {
        return directory;
    }
}
