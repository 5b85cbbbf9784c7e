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

        assertThat(UserSummary.of(alice)).isEqualTo(
                new UserSummary("Alice Anders", "bank-a", "data-provider, compute-provider"));
    }

    @Test
    void showsADashForNoOrganization() {
        SignedInUser admin = new SignedInUser("s", "Ada Admin", List.of(), Set.of(PlatformRole.ADMIN), TOKENS);

        assertThat(UserSummary.of(admin).organization()).isEqualTo("—");
        assertThat(UserSummary.of(admin).roles()).isEqualTo("admin");
    }
}
