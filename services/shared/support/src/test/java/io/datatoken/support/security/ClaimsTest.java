package io.datatoken.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.organization.PlatformRole;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClaimsTest {

    @Test
    void reads_the_organization_from_a_list_of_aliases() {
        assertThat(Claims.organization(List.of("bank-a"))).contains(OrganizationAlias.of("bank-a"));
    }

    @Test
    void reads_json_string_values_without_their_quotes() {
        assertThat(Claims.organization(List.of("\"bank-b\""))).contains(OrganizationAlias.of("bank-b"));
    }

    @Test
    void reads_the_organization_from_a_map_keyed_by_alias() {
        assertThat(Claims.organization(Map.of("fintech-c", Map.of("id", "42")))).contains(OrganizationAlias.of("fintech-c"));
    }

    @Test
    void no_claim_means_no_organization() {
        assertThat(Claims.organization(null)).isEmpty();
        assertThat(Claims.organization(List.of())).isEmpty();
    }

    @Test
    void refuses_a_token_naming_several_organizations() {
        assertThatThrownBy(() -> Claims.organization(List.of("bank-a", "bank-b")))
                .isInstanceOf(Claims.AmbiguousOrganizationException.class)
                .hasMessageContaining("exactly one");
    }

    @Test
    void keeps_only_platform_roles() {
        assertThat(Claims.roles(List.of("data-provider", "offline_access", "regulator", "uma_authorization")))
                .containsExactlyInAnyOrder(PlatformRole.DATA_PROVIDER, PlatformRole.REGULATOR);
        assertThat(Claims.roles(null)).isEmpty();
    }
}
