package io.datatoken.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import io.datatoken.domain.organization.OrganizationAlias;

class OrganizationIdsTest {

    @Test
    void an_id_is_the_alias_left_aligned_and_zero_padded() {
        byte[] id = OrganizationIds.toId(OrganizationAlias.of("bank-a"));

        assertThat(id).hasSize(32);
        assertThat(Arrays.copyOf(id, 6)).isEqualTo("bank-a".getBytes(StandardCharsets.US_ASCII));
        assertThat(Arrays.copyOfRange(id, 6, 32)).containsOnly(0);
        assertThat(OrganizationIds.toAlias(id)).isEqualTo(OrganizationAlias.of("bank-a"));
    }

    @Test
    void the_zero_id_is_no_organization() {
        assertThat(OrganizationIds.toAlias(new byte[32])).isNull();
    }

    @Test
    void aliases_longer_than_32_characters_cannot_be_recorded() {
        OrganizationAlias longest = OrganizationAlias.of("x".repeat(32));
        assertThat(OrganizationIds.toAlias(OrganizationIds.toId(longest))).isEqualTo(longest);
        assertThatThrownBy(() -> OrganizationIds.toId(OrganizationAlias.of("x".repeat(33))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ids_that_are_not_aliases_are_reported() {
        byte[] id = new byte[32];
        id[0] = (byte) 0xff;
        assertThatThrownBy(() -> OrganizationIds.toAlias(id)).isInstanceOf(IllegalStateException.class);
    }
}
