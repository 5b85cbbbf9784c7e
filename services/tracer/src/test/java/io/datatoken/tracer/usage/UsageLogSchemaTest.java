package io.datatoken.tracer.usage;

import static org.assertj.core.api.Assertions.assertThat;

import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.support.persistence.MigratedSchemaTestBase;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class UsageLogSchemaTest extends MigratedSchemaTestBase {

    @Override
    protected String schema() {
        return "tracer";
    }

    @BeforeAll
    void rows() {
        var t0 = OffsetDateTime.of(2026, 11, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        inTransaction(em -> {
            em.persist(new UsageEntry(java.util.UUID.randomUUID(), "0x0a", "bank-a", "fintech-c", "AUTHORIZED", t0));
            em.persist(new UsageEntry(java.util.UUID.randomUUID(), "0x0a", "bank-a", "fintech-c", "EXECUTED", t0.plusDays(1)));
            em.persist(new UsageEntry(java.util.UUID.randomUUID(), "0x0b", "bank-b", "fintech-c", "AUTHORIZED", t0));
        });
    }

    @Test
    void lists_only_the_given_organizations_rows_newest_first() {
        inTransaction(em -> {
            var repository = new UsageLog();
            repository.entities = em;
            assertThat(repository.ofAssetsOwnedBy(OrganizationAlias.of("bank-a"))).extracting(UsageEntry::action)
                    .containsExactly("EXECUTED", "AUTHORIZED");
        });
    }

    @Test
    void all_lists_every_organizations_uses() {
        inTransaction(em -> {
            var log = new UsageLog();
            log.entities = em;
            assertThat(log.all()).extracting(UsageEntry::ownerOrganization).contains("bank-a", "bank-b");
        });
    }
}
