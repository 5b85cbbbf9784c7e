/**
 * Keycloak behind the {@link io.datatoken.domain.organization.OrganizationDirectory} port: the
 * platform never sees Keycloak's representations, only domain types.
 */
package io.datatoken.keycloak;
