package io.datatoken.portal.ui.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.datatoken.domain.asset.AssetKind;
import io.datatoken.portal.services.CatalogQuery;
import org.junit.jupiter.api.Test;

class CatalogSearchFormTest {

    @Test
    void anEmptyFormAsksForEverything() {
        assertThat(new CatalogSearchForm().toQuery(0)).isEqualTo(CatalogQuery.everything());
    }

    @Test
    void theFieldsBecomeTheQuery() {
        CatalogSearchForm form = new CatalogSearchForm();
        form.setText("  loans ");
        form.setKind("DATA");
        form.setOwner("bank-a");
        form.setLimit(20);

        assertThat(form.toQuery(40)).isEqualTo(new CatalogQuery("loans", AssetKind.DATA, "bank-a", 20, 40));
        form.setKind(CatalogSearchForm.ANY_KIND);
        assertThat(form.toQuery(0).kind()).isNull();
    }
}
