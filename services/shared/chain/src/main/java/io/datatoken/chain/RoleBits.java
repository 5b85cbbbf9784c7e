package io.datatoken.chain;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import io.datatoken.domain.organization.PlatformRole;

/**
 * Platform roles as the registry's role bitmask (OrganizationRegistry.sol: DATA_PROVIDER = 1
 * ... REGULATOR = 16). ADMIN has no bit: the registry's admin is its operator account.
 */
final class RoleBits {

    private static final Map<PlatformRole, Integer> BITS = new EnumMap<>(Map.of(
            PlatformRole.DATA_PROVIDER, 1,
            PlatformRole.COMPUTE_PROVIDER, 2,
            PlatformRole.ALGORITHM_PROVIDER, 4,
            PlatformRole.DATA_USER, 8,
            PlatformRole.REGULATOR, 16));

    private RoleBits() {
    }

    static int bit(PlatformRole role) {
        Integer bit = BITS.get(role);
        if (bit == null) {
            throw new IllegalArgumentException(role + " is not an organization role on the ledger");
        }
        return bit;
    }

    static int toBits(Set<PlatformRole> roles) {
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("an organization needs at least one role");
        }
        int bits = 0;
        for (PlatformRole role : roles) {
            bits |= bit(role);
        }
        return bits;
    }

    static Set<PlatformRole> toRoles(int bits) {
        Set<PlatformRole> roles = EnumSet.noneOf(PlatformRole.class);
        BITS.forEach((role, bit) -> {
            if ((bits & bit) != 0) {
                roles.add(role);
            }
        });
        return roles;
    }
}
