package io.datatoken.asset.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.support.persistence.MigratedSchemaTestBase;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CatalogSchemaTest extends MigratedSchemaTestBase {

    @Override
    protected String schema() {
        return "asset";
    }

    @Test
    void lists_only_the_assets_of_the_given_organization_newest_first() {
        var t0 = OffsetDateTime.of(2026, 11, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        inTransaction(em -> {
            em.persist(new CatalogEntry("0x01", "bank-a", "DATA", "loans", "bafkreia", t0));
            em.persist(new CatalogEntry("0x02", "bank-a", "COMPUTE", "node", "bafkreib", t0.plusDays(1)));
            em.persist(new CatalogEntry("0x03", "bank-b", "DATA", "cards", "bafkreic", t0));
        });
        inTransaction(em -> {
            var catalog = new Catalog();
            catalog.entities = em;
            assertThat(catalog.ownedBy(OrganizationAlias.of("bank-a"))).extracting(CatalogEntry::dt)
                    .containsExactly("0x02", "0x01");
        });
    }
}
