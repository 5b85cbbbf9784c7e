package io.datatoken.compute.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.support.persistence.MigratedSchemaTestBase;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LocalDatasetsSchemaTest extends MigratedSchemaTestBase {

    @Override
    protected String schema() {
        return "compute";
    }

    @BeforeAll
    void rows() {
        var t0 = OffsetDateTime.of(2026, 11, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        inTransaction(em -> {
            em.persist(new DatasetBinding("0x0a", "bank-a", "CSV", "data/a.csv", null, t0));
            em.persist(new DatasetBinding("0x0b", "bank-a", "JDBC", "loans", null, t0.plusDays(1)));
            em.persist(new DatasetBinding("0x0c", "bank-b", "CSV", "data/b.csv", null, t0));
        });
    }

    @Test
    void lists_only_the_given_organizations_rows_newest_first() {
        inTransaction(em -> {
            var repository = new LocalDatasets();
            repository.entities = em;
            assertThat(repository.boundFor(OrganizationAlias.of("bank-a"))).extracting(DatasetBinding::dt)
                    .containsExactly("0x0b", "0x0a");
        });
    }
}
