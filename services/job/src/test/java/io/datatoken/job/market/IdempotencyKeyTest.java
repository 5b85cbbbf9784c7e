package io.datatoken.job.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datatoken.domain.organization.OrganizationAlias;
import org.junit.jupiter.api.Test;

class IdempotencyKeyTest {

    private static final OrganizationAlias BANK_A = OrganizationAlias.of("bank-a");
    private static final OrganizationAlias BANK_B = OrganizationAlias.of("bank-b");

    @Test
    void the_same_key_of_the_same_organization_names_the_same_task_and_job_every_time() {
        var key = new IdempotencyKey("8e03978e-40d5-43e8-bc93-6894a57f9324");
        assertThat(key.taskId(BANK_A)).isEqualTo(new IdempotencyKey(key.value()).taskId(BANK_A));
        assertThat(key.jobId(BANK_A)).isEqualTo(new IdempotencyKey(key.value()).jobId(BANK_A));
        assertThat(key.taskId(BANK_A).value()).matches("0x[0-9a-f]{64}");
    }

    @Test
    void another_organization_kind_or_key_names_another_id() {
        var key = new IdempotencyKey("k1");
        assertThat(key.taskId(BANK_A).value()).isNotEqualTo(key.taskId(BANK_B).value())
                .isNotEqualTo(key.jobId(BANK_A).value())
                .isNotEqualTo(new IdempotencyKey("k2").taskId(BANK_A).value());
        // the parts are delimited: ("ab", "c") and ("a", "bc") do not meet
        assertThat(new IdempotencyKey("c").taskId(OrganizationAlias.of("org-ab")).value())
                .isNotEqualTo(new IdempotencyKey("bc").taskId(OrganizationAlias.of("org-a")).value());
    }

    @Test
    void the_header_may_quote_the_key_as_a_structured_field_string() {
        assertThat(IdempotencyKey.ofHeader("\"abc\"")).contains(new IdempotencyKey("abc"));
        assertThat(IdempotencyKey.ofHeader("abc")).contains(new IdempotencyKey("abc"));
        assertThat(IdempotencyKey.ofHeader(null)).isEmpty();
    }

    @Test
    void refuses_an_empty_long_or_non_visible_key_saying_what_a_key_is() {
        for (String bad : new String[] {"", "\"\"", "two words", "tab\there", "é", "k".repeat(256)}) {
            assertThatThrownBy(() -> IdempotencyKey.ofHeader(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 255 visible ASCII");
        }
        assertThat(new IdempotencyKey("k".repeat(255)).value()).hasSize(255);
    }
}
