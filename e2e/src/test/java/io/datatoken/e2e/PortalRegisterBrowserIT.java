package io.datatoken.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Register asset in a real browser: bank-a's data provider is refused bad input field by field with
 * nothing sent, registers a data asset, sees its DT id and finds it in the catalog.
 */
class PortalRegisterBrowserIT {

    @TempDir
    Path profile;

    private PortalBrowser browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aliceIsToldWhatIsWrongThenRegistersADataAssetAndFindsItInTheCatalog() {
        String title = "Portal registered loans " + UUID.randomUUID().toString().substring(0, 8);
        browser = PortalBrowser.start(profile).signInAs("alice").open("register");
        String prefilled = browser.element("register-endpoint").findElement(By.cssSelector("input")).getDomProperty("value");
        assertThat(prefilled).as("bank-a's node, from its other assets").startsWith("http");

        press("register-submit");

        assertThat(browser.fieldError("register-title")).isEqualTo("A title is 1 to 200 characters");
        assertThat(browser.isShown("register-result")).isFalse();

        browser.enter("register-title", title);
        browser.enter("register-consumers", "fintech-c, Bank B");
        browser.enter("register-endpoint", "node.bank-a");
        browser.enter("register-max-uses", "3");
        press("register-submit");

        assertThat(browser.fieldError("register-title")).isEmpty();
        assertThat(browser.fieldError("register-consumers"))
                .isEqualTo("Aliases are lower-case letters, digits and inner hyphens, separated by commas");
        assertThat(browser.fieldError("register-endpoint")).isEqualTo("An http:// or https:// address, e.g. https://node.example/");
        assertThat(browser.isShown("register-result")).isFalse();

        browser.enter("register-consumers", "fintech-c, regulator");
        browser.enter("register-endpoint", prefilled);
        press("register-submit");

        assertThat(browser.fieldError("register-consumers")).isEmpty();
        assertThat(browser.fieldError("register-endpoint")).isEmpty();
        assertThat(browser.isShown("register-problem")).as("the asset service accepted it").isFalse();
        String dt = browser.textOf("register-dt");
        assertThat(dt).matches("0x[0-9a-f]{64}");
        assertThat(browser.textOf("register-result")).contains(title);
        browser.scrollToTop();
        browser.screenshot("register");

        press("register-catalog-link");
        browser.enter("catalog-search", title);

        assertThat(browser.textOf("catalog-count")).as("registered once: the refused attempts sent nothing").isEqualTo("One asset");
        assertThat(browser.gridCells("catalog-grid")).contains(title, "Data", "bank-a");
    }

    /** Clicks a button or link after scrolling it to the middle of the window (the form is taller than the window). */
    private void press(String id) {
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'});",
                browser.element(id));
        browser.click(id);
    }
}
