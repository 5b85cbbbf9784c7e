package io.datatoken.portal.security;

import java.util.Optional;

/** The six platform roles, as Keycloak realm roles; everything else in a token is ignored. */
public enum PlatformRole {
    ADMIN("admin"),
    DATA_PROVIDER("data-provider"),
    COMPUTE_PROVIDER("compute-provider"),
    ALGORITHM_PROVIDER("algorithm-provider"),
    DATA_USER("data-user"),
    REGULATOR("regulator");

    private final String roleName;

    PlatformRole(String roleName) {
        this.roleName = roleName;
    }

    public String roleName() {
        return roleName;
    }

    public static Optional<PlatformRole> fromRoleName(String name) {
        for (PlatformRole role : values()) {
            if (role.roleName.equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
