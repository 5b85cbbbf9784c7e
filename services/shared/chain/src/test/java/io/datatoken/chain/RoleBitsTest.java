package io.datatoken.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.datatoken.domain.organization.PlatformRole;

class RoleBitsTest {

    @Test
    void uses_the_bits_of_the_registry_contract() {
        assertThat(RoleBits.bit(PlatformRole.DATA_PROVIDER)).isEqualTo(1);
        assertThat(RoleBits.bit(PlatformRole.COMPUTE_PROVIDER)).isEqualTo(2);
        assertThat(RoleBits.bit(PlatformRole.ALGORITHM_PROVIDER)).isEqualTo(4);
        assertThat(RoleBits.bit(PlatformRole.DATA_USER)).isEqualTo(8);
        assertThat(RoleBits.bit(PlatformRole.REGULATOR)).isEqualTo(16);
    }

    @Test
    void round_trips_every_organization_role_set() {
        Set<PlatformRole> all = EnumSet.complementOf(EnumSet.of(PlatformRole.ADMIN, PlatformRole.END_USER));
        assertThat(RoleBits.toBits(all)).isEqualTo(31);
        assertThat(RoleBits.toRoles(31)).isEqualTo(all);
        assertThat(RoleBits.toRoles(RoleBits.toBits(Set.of(PlatformRole.DATA_USER, PlatformRole.REGULATOR))))
                .containsExactlyInAnyOrder(PlatformRole.DATA_USER, PlatformRole.REGULATOR);
        assertThat(RoleBits.toRoles(0)).isEmpty();
    }

    @Test
    void admin_and_empty_sets_are_not_organization_roles() {
        assertThatThrownBy(() -> RoleBits.bit(PlatformRole.ADMIN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RoleBits.toBits(Set.of(PlatformRole.ADMIN, PlatformRole.DATA_USER)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RoleBits.toBits(Set.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
