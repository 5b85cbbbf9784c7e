package io.datatoken.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The approvals in a real browser: bank A sees the fintech's S1 algorithm using its data asset with
 * the op it applies and bank A's grant, and verifies the composition to read the verifier's report;
 * on a fresh composition of her own asset she approves the use, revokes it after confirming and opts the
 * asset in to automatic approval.
 */
class PortalApprovalsBrowserIT {

    @TempDir
    Path profile;

    private PortalBrowser browser;

    @BeforeAll
    static void s1HasRun() throws Exception {
        PortalS1Data.ensure();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aliceSeesTheFintechsAlgorithmUsingHerDataWithItsGrantAndVerifiesIt() {
        browser = PortalBrowser.start(profile).signInAs("alice").open("approvals");

        List<String> rows = browser.gridCells("approvals-grid");
        assertThat(rows).contains("fintech-c")
                .anySatisfy(cell -> assertThat(cell).startsWith("ss-share"))
                .anySatisfy(cell -> assertThat(cell).startsWith("GRANTED until"));
        assertThat(browser.isShown("approvals-problem")).isFalse();

        WebElement verify = browser.element("approvals-verify-" + PortalS1Data.C_ALGORITHM + "-" + PortalS1Data.A_DATA);
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", verify);
        browser.await.until(ExpectedConditions.elementToBeClickable(verify)).click();
        browser.await.until(d -> !d.findElements(By.id("approvals-report-verdict")).isEmpty());

        assertThat(browser.textOf("approvals-report-verdict")).startsWith("Passed");
        assertThat(browser.gridCells("approvals-report-children")).contains("bank-a", "bank-b", "Met");
        assertThat(browser.isShown("approvals-action-problem")).isFalse();
        browser.scrollToTop();
        browser.screenshot("approvals");
    }

    @Test
    void aliceApprovesAFreshCompositionOverHerNewAssetRevokesItAndOptsTheAssetInToAutomaticApproval() throws Exception {
        AssetWorld.Composition fresh = aliceSeesAFreshCompositionInApprovals();
        String key = keyOf(fresh);
        assertThat(revocable(browser.driver, key)).as("nothing granted yet").isFalse();

        clickInView("approvals-approve-" + key);
        browser.await.until(d -> d.findElement(By.id("approvals-outcome")).getText().startsWith("Approved"));
        assertThat(browser.isShown("approvals-action-problem")).isFalse();
        refreshUntil(d -> revocable(d, key));

        clickInView("approvals-revoke-" + key);
        browser.click("approvals-confirm-yes");
        browser.await.until(d -> d.findElement(By.id("approvals-outcome")).getText().startsWith("Revoked"));
        refreshUntil(d -> !revocable(d, key));

        // Her fresh asset opted in to automatic approval, and the setting read back after a reload.
        chooseAsset(fresh.aData());
        WebElement auto = browser.element("approvals-auto-enabled");
        browser.await.until(d -> auto.getDomAttribute("disabled") == null);
        assertThat(auto.getDomProperty("checked")).as("off by default").isEqualTo("false");
        auto.findElement(By.cssSelector("input")).click();
        browser.waitForVaadin();
        assertThat(browser.isShown("approvals-auto-problem")).isFalse();
        assertThat(auto.getDomProperty("checked")).isEqualTo("true");
        browser.open("approvals");
        chooseAsset(fresh.aData());
        browser.await.until(d -> d.findElement(By.id("approvals-auto-enabled")).getDomAttribute("disabled") == null);
        assertThat(browser.element("approvals-auto-enabled").getDomProperty("checked")).isEqualTo("true");
    }

    @Test
    void aliceApprovesAFreshCompositionUntilADayShePicksAndTheGrantEndsThen() throws Exception {
        AssetWorld.Composition fresh = aliceSeesAFreshCompositionInApprovals();
        String key = keyOf(fresh);
        java.time.LocalDate lastDay = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(90);

        browser.enter("approvals-until", lastDay.format(java.time.format.DateTimeFormatter.ofPattern("M/d/yyyy")));
        clickInView("approvals-approve-" + key);

        browser.await.until(d -> d.findElement(By.id("approvals-outcome")).getText().startsWith("Approved"));
        String granted = "GRANTED until " + lastDay.plusDays(1) + " 00:00:00 UTC";
        refreshUntil(d -> browser.gridCells("approvals-grid").contains(granted));
        // the chain holds that expiry, as the asset service reads it
        var stack = AssetWorld.stack;
        var grants = Stack.JSON.readTree(stack.get(AssetWorld.ASSETS + "/" + fresh.aData() + "/grants",
                stack.tokenOf("alice")).body());
        assertThat(grants.findValuesAsText("expiresAt")).anySatisfy(at -> assertThat(at).startsWith(lastDay.plusDays(1) + "T00:00"));
    }

    @Test
    void aliceDeniesAFreshCompositionWithAReasonTheComposerReadsAndApprovingItLaterSupersedesTheDenial() throws Exception {
        AssetWorld.Composition fresh = aliceSeesAFreshCompositionInApprovals();
        String key = keyOf(fresh);
        var stack = AssetWorld.stack;
        String carol = stack.tokenOf("carol");
        String reason = "Our terms do not cover marketing " + fresh.algorithm().substring(2, 8);

        clickInView("approvals-deny-" + key);
        browser.click("approvals-deny-yes");
        assertThat(browser.fieldError("approvals-deny-reason")).isEqualTo("Say why in 1 to 500 characters");
        WebElement why = browser.element("approvals-deny-reason").findElement(By.cssSelector("textarea"));
        why.sendKeys(reason);
        browser.click("approvals-deny-yes");
        browser.await.until(d -> d.findElement(By.id("approvals-outcome")).getText().startsWith("Denied"));
        assertThat(browser.gridCells("approvals-grid")).contains("DENIED: " + reason);

        // the composer reads why, and automatic authorization passes the denied child by
        String denial = "/asset/api/v1/assets/" + fresh.aData() + "/denials/" + fresh.algorithm();
        var read = stack.get(denial, carol);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(Stack.JSON.readTree(read.body()).get("reason").asText()).isEqualTo(reason);
        var requested = stack.post("/asset/api/v1/assets/" + fresh.algorithm() + "/authorization-requests", carol,
                AssetWorld.JSON_TYPE, new byte[0]);
        assertThat(requested.body()).contains("denied-by-owner", reason);
        Problems.assertProblem(stack.get(denial, stack.tokenOf("victor")), 403, "not-yours");

        clickInView("approvals-approve-" + key);
        browser.await.until(d -> d.findElement(By.id("approvals-outcome")).getText().startsWith("Approved"));
        refreshUntil(d -> revocable(d, key));
        Problems.assertProblem(stack.get(denial, carol), 404, "no-denial");
    }

    @Test
    void aliceDashboardListsAFreshCompositionOfHerAssetAsWaitingForHerApproval() throws Exception {
        AssetWorld.enter();
        var stack = AssetWorld.stack;
        AssetWorld.Composition fresh = AssetWorld.twoBanksAndAnAlgorithm(stack.tokenOf("alice"), stack.tokenOf("bob"),
                stack.tokenOf("carol"));
        browser = PortalBrowser.start(profile).signInAs("alice");

        // the dashboard reads the tracer when it opens: reopen it until the tracer indexed the composition
        browser.await.until(d -> {
            browser.open("");
            return browser.gridCells("dashboard-approvals-grid").contains(PortalDatasetBrowserIT.shortHex(fresh.algorithm()));
        });

        List<String> cells = browser.gridCells("dashboard-approvals-grid");
        int row = cells.indexOf(PortalDatasetBrowserIT.shortHex(fresh.algorithm()));
        assertThat(cells.subList(row - 1, row + 2)).as("my asset, the composition, its owner")
                .containsExactly("Loans", PortalDatasetBrowserIT.shortHex(fresh.algorithm()), "fintech-c");
        assertThat(browser.textOf("dashboard-approvals")).matches("(?s)Approvals waiting for me \\([1-9][0-9]*\\).*");
        assertThat(browser.isShown("dashboard-approvals-problem")).isFalse();

        browser.click("dashboard-approvals-link");
        browser.await.until(d -> d.getCurrentUrl().endsWith("/approvals"));
        assertThat(browser.element("approvals-approve-" + fresh.algorithm() + "-" + fresh.aData()).isDisplayed()).isTrue();
    }

    /** Picks the asset in the automatic approval's combo box by the start of its id. */
    private void chooseAsset(String dt) {
        WebElement input = browser.element("approvals-auto-asset").findElement(By.cssSelector("input"));
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", input);
        input.click();
        input.sendKeys(dt.substring(0, 10));
        browser.waitForVaadin();
        browser.await.until(d -> d.findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                .filter(WebElement::isDisplayed).count() == 1);
        input.sendKeys(Keys.ARROW_DOWN, Keys.ENTER);
        browser.waitForVaadin();
    }

    /** Whether the row's Revoke button is enabled (a Vaadin button disables itself by an attribute). */
    private static boolean revocable(WebDriver driver, String key) {
        return driver.findElement(By.id("approvals-revoke-" + key)).getDomAttribute("disabled") == null;
    }

    /** A fresh composition over a new asset of alice's, and alice on the approvals page once it lists it. */
    private AssetWorld.Composition aliceSeesAFreshCompositionInApprovals() throws Exception {
        AssetWorld.enter();
        var stack = AssetWorld.stack;
        AssetWorld.Composition fresh = AssetWorld.twoBanksAndAnAlgorithm(stack.tokenOf("alice"), stack.tokenOf("bob"),
                stack.tokenOf("carol"));
        browser = PortalBrowser.start(profile).signInAs("alice").open("approvals");
        refreshUntil(d -> !d.findElements(By.id("approvals-approve-" + keyOf(fresh))).isEmpty());
        return fresh;
    }

    /** The row key the approvals grid names a composition's use of alice's asset by. */
    private static String keyOf(AssetWorld.Composition fresh) {
        return fresh.algorithm() + "-" + fresh.aData();
    }

    /** Refreshes the list until the tracer has indexed what the chain recorded. */
    private void refreshUntil(Function<WebDriver, Boolean> condition) {
        browser.await.until(d -> {
            clickInView("approvals-refresh");
            return condition.apply(d);
        });
    }

    private void clickInView(String id) {
        WebElement button = browser.element(id);
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
        browser.await.until(ExpectedConditions.elementToBeClickable(button)).click();
        browser.waitForVaadin();
    }
}
