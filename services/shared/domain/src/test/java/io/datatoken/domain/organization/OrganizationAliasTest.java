package io.datatoken.domain.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrganizationAliasTest {

    @ParameterizedTest
    @ValueSource(strings = {"bank-a", "regulator", "b2", "x"})
    void accepts_keycloak_style_aliases(String alias) {
        assertThat(OrganizationAlias.of(alias).value()).isEqualTo(alias);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Bank-A", "-bank", "bank-", "bank a", "bank_a"})
    void rejects_anything_else_with_a_reason(String alias) {
        assertThatIllegalArgumentException().isThrownBy(() -> OrganizationAlias.of(alias))
                .withMessageContaining("organization alias");
    }
}
