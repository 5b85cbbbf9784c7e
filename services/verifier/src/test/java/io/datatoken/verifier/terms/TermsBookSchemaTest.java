package io.datatoken.verifier.terms;

import static org.assertj.core.api.Assertions.assertThat;

import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.support.persistence.MigratedSchemaTestBase;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TermsBookSchemaTest extends MigratedSchemaTestBase {

    @Override
    protected String schema() {
        return "verifier";
    }

    @BeforeAll
    void rows() {
        var t0 = OffsetDateTime.of(2026, 11, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        inTransaction(em -> {
            em.persist(new TermsEntry(java.util.UUID.randomUUID(), "bank-a", "0x0a", 1, "{}", t0));
            em.persist(new TermsEntry(java.util.UUID.randomUUID(), "bank-a", "0x0a", 2, "{}", t0.plusDays(1)));
            em.persist(new TermsEntry(java.util.UUID.randomUUID(), "bank-b", "0x0b", 1, "{}", t0));
        });
    }

    @Test
    void lists_only_the_given_organizations_rows_newest_first() {
        inTransaction(em -> {
            var repository = new TermsBook();
            repository.entities = em;
            assertThat(repository.publishedBy(OrganizationAlias.of("bank-a"))).extracting(TermsEntry::version)
                    .containsExactly(2, 1);
        });
    }
}
