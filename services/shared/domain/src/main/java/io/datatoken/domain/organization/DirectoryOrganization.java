package io.datatoken.domain.organization;

/** An organization as the identity provider knows it; {@code id} is the provider's own key. */
public record DirectoryOrganization(String id, OrganizationAlias alias, String name, String domain) {
}
