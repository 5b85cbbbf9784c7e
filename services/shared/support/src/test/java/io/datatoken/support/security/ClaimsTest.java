package io.datatoken.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datatoken.domain.organization.EndUserId;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.organization.PlatformRole;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    @Test
    void reads_the_end_user_role() {
        assertThat(Claims.roles(List.of("end-user", "offline_access"))).containsExactly(PlatformRole.END_USER);
    }

    @Test
    void an_end_user_is_the_username_within_their_organization() {
        assertThat(Claims.endUser(Optional.of(OrganizationAlias.of("vendor-a")), "u1"))
                .isEqualTo(new Caller.EndUserOf(OrganizationAlias.of("vendor-a"), EndUserId.of("u1")))
                .hasToString("u1 of vendor-a");
    }

    @Test
    void an_end_user_needs_an_organization() {
        assertThatThrownBy(() -> Claims.endUser(Optional.empty(), "u1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("end user 'u1' belongs to no organization; the organization whose end user they are must "
                        + "add them as a member");
    }

    @Test
    void an_end_users_username_must_be_an_end_user_id() {
        for (String username : List.of("Uma", "u1@users.vendor-a.example", "-u1", "u".repeat(33))) {
            assertThatThrownBy(() -> Claims.endUser(Optional.of(OrganizationAlias.of("vendor-a")), username))
                    .as(username)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("end user id '" + username + "'");
        }
    }
}
