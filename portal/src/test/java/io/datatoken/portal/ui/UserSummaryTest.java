package io.datatoken.portal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.datatoken.domain.organization.PlatformRole;
import io.datatoken.portal.security.SignedInUser;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UserSummaryTest {

    private static final SignedInUser.Tokens TOKENS = new SignedInUser.Tokens("id", "access", null);

    @Test
    void listsOrganizationAndRolesInPlatformOrder() {
        SignedInUser alice = new SignedInUser("s", "Alice Anders", List.of("bank-a"),
                Set.of(PlatformRole.COMPUTE_PROVIDER, PlatformRole.DATA_PROVIDER), TOKENS);

        UserSummary summary = UserSummary.of(alice);

        assertThat(summary.name()).isEqualTo("Alice Anders");
        assertThat(summary.organization()).isEqualTo("bank-a");
        assertThat(summary.roles(PlatformRole::roleName)).isEqualTo("data-provider, compute-provider");
    }

    @Test
    void showsADashForNoOrganizationOrRoles() {
        SignedInUser admin = new SignedInUser("s", "Ada Admin", List.of(), Set.of(PlatformRole.ADMIN), TOKENS);
        SignedInUser nobody = new SignedInUser("s", "No One", List.of(), Set.of(), TOKENS);

        assertThat(UserSummary.of(admin).organization()).isEqualTo("—");
        assertThat(UserSummary.of(admin).roles(role -> "<" + role.roleName() + ">")).isEqualTo("<admin>");
        assertThat(UserSummary.of(nobody).roles(PlatformRole::roleName)).isEqualTo("—");
    }
}
