package io.datatoken.domain.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EndUserIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"u1", "user-0042", "x", "0123456789abcdef0123456789abcdef"})
    void accepts_lower_case_ids_of_at_most_32_characters(String id) {
        assertThat(EndUserId.of(id).value()).isEqualTo(id);
        assertThat(EndUserId.of(id)).hasToString(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "U1", "-u1", "u1-", "u 1", "u_1", "0123456789abcdef0123456789abcdef0"})
    void rejects_anything_else_with_a_reason(String id) {
        assertThatIllegalArgumentException().isThrownBy(() -> EndUserId.of(id))
                .withMessageContaining("end user id");
    }

    @Test
    void an_end_user_needs_all_its_parts() {
        ChainAddress account = ChainAddress.of("0x" + "1".repeat(40));
        OrganizationAlias vendor = OrganizationAlias.of("vendor-a");

        assertThat(new EndUser(vendor, EndUserId.of("u1"), account).account()).isEqualTo(account);
        assertThatNullPointerException().isThrownBy(() -> new EndUser(vendor, null, account));
        assertThatNullPointerException().isThrownBy(() -> new EndUser(null, EndUserId.of("u1"), account));
        assertThatNullPointerException().isThrownBy(() -> new EndUser(vendor, EndUserId.of("u1"), null));
    }
}
