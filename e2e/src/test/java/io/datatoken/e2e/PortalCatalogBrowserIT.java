package io.datatoken.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The catalog in a real browser: every organization's assets, the search and the kind filter, an
 * asset's verified DDO with its terms, and filters that refuse bad input next to the field. Bank A
 * registers an asset of its own first (through the asset service), so a fresh stack has one too.
 */
class PortalCatalogBrowserIT {

    private static String title;
    private static String dt;

    @TempDir
    Path profile;

    private PortalBrowser browser;

    @BeforeAll
    static void bankARegistersAnAsset() throws IOException {
        AssetWorld.enter();
        title = "Portal loans " + UUID.randomUUID().toString().substring(0, 8);
        String ddo = AssetWorld.withTitle(AssetWorld.dataDdo(AssetWorld.newDt(), "bank-a", "fintech-c"), title);
        JsonNode asset = AssetWorld.created(AssetWorld.register(AssetWorld.stack.tokenOf("alice"), ddo));
        dt = asset.get("dt").asText();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theCatalogListsAssetsFindsOneByWordsAndKindAndShowsItsVerifiedDdo() {
        browser = PortalBrowser.start(profile).signInAs("carol").open("catalog");
        assertThat(browser.gridCells("catalog-grid")).as("every organization's assets").contains(title);
        browser.scrollToTop();
        browser.screenshot("catalog");

        browser.enter("catalog-search", title.toUpperCase());

        assertThat(browser.textOf("catalog-count")).isEqualTo("One asset");
        assertThat(browser.gridCells("catalog-grid")).contains(title, "Data", "bank-a");

        browser.choose("catalog-kind", "Compute");

        assertThat(browser.textOf("catalog-count")).isEqualTo("No asset matches");
        assertThat(browser.gridCells("catalog-grid")).doesNotContain(title);

        browser.choose("catalog-kind", "Data");

        assertThat(browser.gridCells("catalog-grid")).contains(title);

        browser.driver.findElements(By.cssSelector("vaadin-grid-cell-content")).stream()
                .filter(cell -> cell.getText().equals(title)).findFirst().orElseThrow().click();
        browser.waitForVaadin();

        assertThat(browser.textOf("asset-dt")).isEqualTo(dt);
        assertThat(browser.textOf("asset-verified")).contains("bafkrei");
        browser.element("asset-dt");
        browser.screenshot("catalog-asset");
        assertThat(browser.textOf("asset-terms")).contains("joint risk features", "fintech-c", "rows ≤ 100000");
        assertThat(browser.textOf("asset-ops")).contains("op-");
        assertThat(browser.textOf("asset-ddo")).contains("\"dt\" : \"" + dt + "\"", "\"title\" : \"" + title + "\"");
    }

    @Test
    void aFilterWithBadInputSaysWhyNextToTheFieldAndAsksNothing() {
        browser = PortalBrowser.start(profile).signInAs("alice").open("catalog");
        String before = browser.textOf("catalog-count");

        browser.enter("catalog-owner", "Bank A!");

        assertThat(browser.fieldError("catalog-owner")).contains("organization alias");
        // The asset service would refuse this owner (400, shown under the filters): nothing was asked.
        assertThat(browser.isShown("catalog-problem")).isFalse();
        assertThat(browser.textOf("catalog-count")).isEqualTo(before);

        browser.enter("catalog-limit", "500");

        assertThat(browser.fieldError("catalog-limit")).isEqualTo("A whole number from 1 to 200");

        browser.enter("catalog-limit", "20");
        browser.enter("catalog-owner", "bank-a");

        assertThat(browser.fieldError("catalog-limit")).isEmpty();
        assertThat(browser.fieldError("catalog-owner")).isEmpty();
        assertThat(browser.isShown("catalog-problem")).isFalse();
        assertThat(browser.gridCells("catalog-grid")).contains(title, "bank-a").doesNotContain("bank-b");
    }
}
