package io.datatoken.portal.ui.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datatoken.portal.services.AuditEntry;
import io.datatoken.portal.services.AuditQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditFilterFormTest {

    @Test
    void anEmptyFormFiltersNothing() {
        assertThat(new AuditFilterForm().toQuery(100))
                .isEqualTo(new AuditQuery(null, null, null, null, null, null, 100));
    }

    @Test
    void daysAreWholeUtcDaysFromTheFirstToTheEndOfTheLast() {
        AuditFilterForm form = new AuditFilterForm();
        form.setOrganization(" bank-a ");
        form.setEvent("ReceiptRecorded");
        form.setDt("0x" + "AB".repeat(32));
        form.setSince(LocalDate.parse("2026-11-20"));
        form.setUntil(LocalDate.parse("2026-11-20"));

        AuditQuery query = form.toQuery(50);

        assertThat(query.org()).isEqualTo("bank-a");
        assertThat(query.dt()).isEqualTo("0x" + "ab".repeat(32));
        assertThat(query.since()).isEqualTo(Instant.parse("2026-11-20T00:00:00Z"));
        assertThat(query.until()).isEqualTo(Instant.parse("2026-11-21T00:00:00Z"));
    }

    @Test
    void theFieldsRulesAreTheTracers() {
        assertThat(AuditQuery.isValidOrganization("bank-a")).isTrue();
        assertThat(AuditQuery.isValidOrganization("Bank A!")).isFalse();
        assertThat(AuditQuery.isValidEvent("ReceiptRecorded")).isTrue();
        assertThat(AuditQuery.isValidEvent("receipt recorded")).isFalse();
        assertThat(AuditQuery.isValidDt("0x" + "0".repeat(63) + "1")).isTrue();
        assertThat(AuditQuery.isValidDt("0x1234")).isFalse();
        assertThat(AuditQuery.isValidAccount("0x" + "1".repeat(40))).isTrue();
        assertThat(AuditQuery.isValidAccount("0x" + "1".repeat(64))).isFalse();
        assertThat(AuditQuery.isValidAccount("")).isTrue();
        assertThat(AuditFilterForm.isValidRange(LocalDate.parse("2026-11-21"), LocalDate.parse("2026-11-20"))).isFalse();
        assertThatThrownBy(() -> new AuditQuery(null, null, null, null, Instant.parse("2026-11-21T00:00:00Z"),
                Instant.parse("2026-11-20T00:00:00Z"), 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEventConcernsEachOrganizationOnceWithItsRelations() {
        var entry = new AuditEntry(1, null, "0x1", 0, "TaskMarket", "ReceiptRecorded",
                "0xa", "bank-a", null, List.of(
                        new AuditEntry.Subject("fintech-c", "OWNER"),
                        new AuditEntry.Subject("bank-a", "PARTY"),
                        new AuditEntry.Subject("bank-a", "ACTOR")));

        assertThat(AuditView.concerns(entry)).isEqualTo("bank-a (ACTOR, PARTY), fintech-c (OWNER)");
    }
}
