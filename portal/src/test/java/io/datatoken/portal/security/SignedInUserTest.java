package io.datatoken.portal.security;

import io.datatoken.domain.organization.PlatformRole;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignedInUserTest {

    private static final SignedInUser.Tokens TOKENS = new SignedInUser.Tokens("id", "access", "refresh");

    @Test
    void readsNameOrganizationAndOnlyPlatformRoles() {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject("alice-id")
                .claim("name", "Alice Anders")
                .claim("preferred_username", "alice")
                .claim("organization", List.of("bank-a"))
                .claim("groups", List.of("offline_access", "compute-provider", "data-provider", "default-roles-datatoken"))
                .build();

        SignedInUser user = SignedInUser.fromClaims(claims, TOKENS);

        assertThat(user.displayName()).isEqualTo("Alice Anders");
        assertThat(user.organizations()).containsExactly("bank-a");
        assertThat(user.roles()).containsExactly(PlatformRole.DATA_PROVIDER, PlatformRole.COMPUTE_PROVIDER);
        assertThat(user.hasRole(PlatformRole.ADMIN)).isFalse();
    }

    @Test
    void acceptsTheOrganizationClaimAsMapOfAliases() {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject("rita-id")
                .claim("organization", Map.of("regulator", Map.of("id", "42")))
                .claim("groups", List.of("regulator"))
                .build();

        SignedInUser user = SignedInUser.fromClaims(claims, TOKENS);

        assertThat(user.organizations()).containsExactly("regulator");
        assertThat(user.roles()).containsExactly(PlatformRole.REGULATOR);
    }

    @Test
    void userWithoutOrganizationOrRolesFallsBackToUsername() {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject("admin-id")
                .claim("preferred_username", "admin")
                .build();

        SignedInUser user = SignedInUser.fromClaims(claims, TOKENS);

        assertThat(user.displayName()).isEqualTo("admin");
        assertThat(user.organizations()).isEmpty();
        assertThat(user.roles()).isEmpty();
        assertThat(user.tokens().toString()).doesNotContain("access", "refresh");
    }
}
