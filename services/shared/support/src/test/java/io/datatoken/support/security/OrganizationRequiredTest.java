package io.datatoken.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.organization.PlatformRole;
import io.datatoken.support.web.ProblemException;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrganizationRequiredTest {

    @Test
    void yields_the_callers_organization() {
        var caller = new Caller("s", "alice", Optional.of(OrganizationAlias.of("bank-a")), Set.of(PlatformRole.DATA_PROVIDER));
        assertThat(OrganizationRequired.of(caller)).isEqualTo(OrganizationAlias.of("bank-a"));
    }

    @Test
    void refuses_a_caller_without_organization_with_a_403_problem() {
        var caller = new Caller("s", "admin", Optional.empty(), Set.of(PlatformRole.ADMIN));
        assertThatThrownBy(() -> OrganizationRequired.of(caller))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(403);
                    assertThat(e.problem().type()).endsWith("/organization-required");
                    assertThat(e.problem().detail()).contains("admin");
                });
    }
}
