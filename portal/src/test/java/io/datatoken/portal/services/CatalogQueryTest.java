package io.datatoken.portal.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.datatoken.domain.asset.AssetKind;
import org.junit.jupiter.api.Test;

class CatalogQueryTest {

    @Test
    void leavesAbsentCriteriaOut() {
        assertThat(CatalogQuery.everything().toQuery()).hasToString("?limit=50&offset=0");
        assertThat(new CatalogQuery("  ", AssetKind.COMPUTE, "", 10, 0).toQuery()).hasToString("?kind=COMPUTE&limit=10&offset=0");
    }

    @Test
    void acceptsTheServicesBoundsOnly() {
        assertThat(CatalogQuery.isValidLimit(1)).isTrue();
        assertThat(CatalogQuery.isValidLimit(CatalogQuery.MAX_LIMIT)).isTrue();
        assertThat(CatalogQuery.isValidLimit(0)).isFalse();
        assertThat(CatalogQuery.isValidLimit(201)).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> new CatalogQuery(null, null, null, 500, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new CatalogQuery(null, null, null, 10, -1));
    }

    @Test
    void anOwnerIsAnOrganizationAlias() {
        assertThat(CatalogQuery.isValidOwner("bank-a")).isTrue();
        assertThat(CatalogQuery.isValidOwner("Bank A!")).isFalse();
        assertThat(CatalogQuery.isValidOwner("-bank")).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> new CatalogQuery(null, null, "Bank A", 10, 0));
    }

    @Test
    void searchTextHasABound() {
        assertThat(CatalogQuery.isValidText(null)).isTrue();
        assertThat(CatalogQuery.isValidText("x".repeat(CatalogQuery.MAX_TEXT))).isTrue();
        assertThat(CatalogQuery.isValidText("x".repeat(CatalogQuery.MAX_TEXT + 1))).isFalse();
    }
}
