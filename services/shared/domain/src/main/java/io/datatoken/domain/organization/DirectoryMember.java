package io.datatoken.domain.organization;

import java.util.Set;

/** A member of an organization in the identity provider. */
public record DirectoryMember(String id, String username, String email, Set<PlatformRole> roles) {
}
