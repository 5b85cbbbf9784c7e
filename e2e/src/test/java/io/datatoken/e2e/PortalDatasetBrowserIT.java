package io.datatoken.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Local data in a real browser: bank A's data provider registers a data asset at bank A's compute node,
 * finds it chosen in the local data panel, is told what is wrong with an empty location before anything is
 * sent, sees the node's refusal of a file it does not hold, then binds a CSV file the bank holds on its own
 * premises and finds it among the datasets the node bound.
 */
class PortalDatasetBrowserIT {

    @TempDir
    Path profile;

    private PortalBrowser browser;

    @BeforeAll
    static void organizationsOnChain() {
        AssetWorld.enter();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aliceBindsACsvFileOfBankAsPremisesToHerNewDataAssetAtBankAsNode() throws IOException {
        String node = AssetWorld.stack.computeNode("bank-a");
        String title = "Portal local loans " + UUID.randomUUID().toString().substring(0, 8);
        String file = premisesCsv("income,debt\n1.5,-2\n0.25,4\n3,0.5\n");
        browser = PortalBrowser.start(profile).signInAs("alice").open("register");
        browser.enter("register-title", title);
        browser.enter("register-endpoint", node);
        press("register-submit");
        String dt = browser.textOf("register-dt");
        assertThat(dt).matches("0x[0-9a-f]{64}");
        String chosen = browser.element("dataset-asset").findElement(By.cssSelector("input")).getDomProperty("value");
        assertThat(chosen).as("the new data asset is chosen for binding").startsWith(title);
        assertThat(browser.textOf("dataset-node")).contains(node);

        browser.enter("dataset-location", "");
        press("dataset-bind");

        assertThat(browser.fieldError("dataset-location")).isEqualTo("Give the dataset's location at your node");
        assertThat(browser.isShown("dataset-result")).isFalse();
        assertThat(browser.isShown("dataset-problem")).isFalse();
        assertThat(boundAtBankA()).as("nothing was sent").doesNotContain(dt);

        String missing = "e2e-missing-" + UUID.randomUUID() + ".csv";
        browser.enter("dataset-location", missing);
        press("dataset-bind");

        assertThat(browser.fieldError("dataset-location")).isEmpty();
        assertThat(browser.textOf("dataset-problem")).as("the node's own refusal").contains(missing);
        assertThat(browser.isShown("dataset-result")).isFalse();

        browser.enter("dataset-location", file);
        press("dataset-bind");

        assertThat(browser.isShown("dataset-problem")).isFalse();
        assertThat(browser.textOf("dataset-result")).contains("CSV file", title, node);
        assertThat(browser.gridCells("dataset-grid")).contains(shortHex(dt), title, "CSV file");
        assertThat(boundAtBankA()).contains(dt).doesNotContain(file, "1.5");
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'start'});",
                browser.element("dataset"));
        browser.screenshot("register-dataset");
    }

    /** A CSV file in bank A's datasets directory, as the bank's own premises hold it. */
    private static String premisesCsv(String content) throws IOException {
        Path directory = AssetWorld.stack.computeDatasets("bank-a");
        String name = "e2e-portal-" + UUID.randomUUID() + ".csv";
        Files.createDirectories(directory);
        Files.writeString(directory.resolve(name), content);
        return name;
    }

    /** What bank A's node lists as bound for bank A, read with alice's token. */
    private static String boundAtBankA() {
        var answer = AssetWorld.stack.get(URI.create(AssetWorld.stack.computeNode("bank-a") + "/v1/datasets"),
                AssetWorld.stack.tokenOf("alice"));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return answer.body();
    }

    /** As the portal shortens hashes. */
    static String shortHex(String hex) {
        return hex.substring(0, 10) + "…" + hex.substring(hex.length() - 4);
    }

    /** Clicks a button after scrolling it to the middle of the window (the page is taller than the window). */
    private void press(String id) {
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'});",
                browser.element(id));
        browser.click(id);
    }
}
