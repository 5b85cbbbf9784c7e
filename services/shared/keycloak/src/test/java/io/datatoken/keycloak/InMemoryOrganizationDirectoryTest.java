package io.datatoken.keycloak;

import io.datatoken.domain.organization.OrganizationDirectory;

class InMemoryOrganizationDirectoryTest extends OrganizationDirectoryContract {

    private final InMemoryOrganizationDirectory directory = new InMemoryOrganizationDirectory();

    @Override
    protected OrganizationDirectory directory() {
        return directory;
    }
}
