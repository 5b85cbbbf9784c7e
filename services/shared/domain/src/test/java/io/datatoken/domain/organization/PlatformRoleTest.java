package io.datatoken.domain.organization;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlatformRoleTest {

    @Test
    void maps_realm_role_names_both_ways() {
        for (PlatformRole role : PlatformRole.values()) {
            assertThat(PlatformRole.fromRoleName(role.roleName())).contains(role);
        }
        assertThat(PlatformRole.fromRoleName("offline_access")).isEmpty();
    }
}
