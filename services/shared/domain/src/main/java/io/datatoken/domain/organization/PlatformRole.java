package io.datatoken.domain.organization;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a member of an organization may do on the platform. The names are the Keycloak realm
 * roles and the {@code groups} claim values of platform tokens.
 */
public enum PlatformRole {
    /** System operator: onboards organizations and registers trusted ops. */
    ADMIN("admin"),
    /** Owns data assets and decides who may compute on them. */
    DATA_PROVIDER("data-provider"),
    /** Runs a compute node on its premises. */
    COMPUTE_PROVIDER("compute-provider"),
    /** Composes algorithm assets (workflows of trusted ops). */
    ALGORITHM_PROVIDER("algorithm-provider"),
    /** Posts tasks and submits jobs. */
    DATA_USER("data-user"),
    /** Reads every trace, across organizations, and changes nothing. */
    REGULATOR("regulator"),
    /**
     * An organization's end user (scenario S2): owns Data Tokens of their own, consents to their use
     * through their device node and reads their uses; acts for no organization.
     */
    END_USER("end-user");

    private final String roleName;

    PlatformRole(String roleName) {
        this.roleName = roleName;
    }

    /** The realm role name, as it appears in tokens. */
    public String roleName() {
        return roleName;
    }

    public static Optional<PlatformRole> fromRoleName(String roleName) {
        return Arrays.stream(values()).filter(r -> r.roleName.equals(roleName)).findFirst();
    }
}
