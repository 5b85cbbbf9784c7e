package io.datatoken.asset.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.datatoken.domain.asset.AssetKind;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.support.persistence.MigratedSchemaTestBase;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CatalogSchemaTest extends MigratedSchemaTestBase {

    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 11, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    private static final String OP_SHARE = hex('a');
    private static final String OP_SUM = hex('b');

    @Override
    protected String schema() {
        return "asset";
    }

    @BeforeEach
    void three_assets() {
        inTransaction(em -> em.createNativeQuery("delete from asset.asset").executeUpdate());
        inTransaction(em -> {
            em.persist(entry(1, "bank-a", "DATA", "Loans 2025", "retail loan book_100%", T0, Set.of(OP_SHARE), List.of()));
            em.persist(entry(2, "bank-a", "COMPUTE", "Node A", "secure sum node", T0.plusDays(1), Set.of(OP_SUM), List.of()));
            em.persist(entry(3, "bank-b", "DATA", "Card spend", "LOANS and cards", T0, Set.of(OP_SHARE, OP_SUM),
                    List.of()));
            em.persist(entry(4, "fintech-c", "ALGORITHM", "Risk", "", T0.plusDays(2), Set.of(),
                    List.of(hex('1'), hex('3'))));
        });
    }

    @Test
    void lists_only_the_assets_of_the_given_organization_newest_first() {
        List<String> owned = query(c -> c.ownedBy(OrganizationAlias.of("bank-a")).stream().map(CatalogEntry::dt).toList());
        assertThat(owned).containsExactly(hex('2'), hex('1'));
    }

    @Test
    void keeps_children_in_order_and_ops_as_a_set() {
        CatalogEntry algorithm = query(c -> c.find(hex('4'))).orElseThrow();
        assertThat(algorithm.children()).containsExactly(hex('1'), hex('3'));
        assertThat(query(c -> c.find(hex('3'))).orElseThrow().supportedOps()).containsExactly(OP_SHARE, OP_SUM);
    }

    @Test
    void searches_text_in_title_and_description_case_insensitively() {
        assertThat(search(new CatalogQuery("loans", null, null, null, 50, 0))).containsExactly(hex('1'), hex('3'));
    }

    @Test
    void treats_like_wildcards_in_the_text_literally() {
        assertThat(search(new CatalogQuery("_100%", null, null, null, 50, 0))).containsExactly(hex('1'));
        assertThat(search(new CatalogQuery("%", null, null, null, 50, 0))).containsExactly(hex('1'));
    }

    @Test
    void combines_kind_owner_and_op() {
        assertThat(search(new CatalogQuery(null, AssetKind.DATA, null, null, 50, 0))).containsExactly(hex('1'), hex('3'));
        assertThat(search(new CatalogQuery(null, null, OrganizationAlias.of("bank-b"), null, 50, 0))).containsExactly(hex('3'));
        assertThat(search(new CatalogQuery(null, null, null, OP_SUM, 50, 0))).containsExactly(hex('2'), hex('3'));
        assertThat(search(new CatalogQuery(null, AssetKind.DATA, null, OP_SUM, 50, 0))).containsExactly(hex('3'));
        assertThat(search(new CatalogQuery("node", AssetKind.DATA, null, null, 50, 0))).isEmpty();
    }

    @Test
    void pages_newest_first() {
        assertThat(search(new CatalogQuery(null, null, null, null, 2, 0))).containsExactly(hex('4'), hex('2'));
        assertThat(search(new CatalogQuery(null, null, null, null, 2, 2))).containsExactly(hex('1'), hex('3'));
    }

    @Test
    void recording_an_entry_twice_keeps_the_first() {
        inTransaction(em -> catalogOn(em).record(entry(1, "bank-a", "DATA", "other title", "", T0, Set.of(), List.of())));
        assertThat(query(c -> c.find(hex('1'))).orElseThrow().title()).isEqualTo("Loans 2025");
    }

    private List<String> search(CatalogQuery q) {
        return query(c -> c.search(q).stream().map(CatalogEntry::dt).toList());
    }

    private <T> T query(Function<Catalog, T> work) {
        Object[] result = new Object[1];
        inTransaction(em -> result[0] = work.apply(catalogOn(em)));
        @SuppressWarnings("unchecked")
        T typed = (T) result[0];
        return typed;
    }

    private static Catalog catalogOn(jakarta.persistence.EntityManager em) {
        return Catalogs.over(em);
    }

    private static CatalogEntry entry(int n, String owner, String kind, String title, String description,
                                      OffsetDateTime at, Set<String> ops, List<String> children) {
        return new CatalogEntry(hex(Character.forDigit(n, 16)), owner, kind, title, description, "bafkreia" + n,
                hex('f'), hex('e'), at, ops, children);
    }

    private static String hex(char c) {
        return "0x" + String.valueOf(c).repeat(64);
    }
}
