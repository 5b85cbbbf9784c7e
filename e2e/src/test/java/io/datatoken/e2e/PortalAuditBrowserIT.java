package io.datatoken.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The regulator's audit in a real browser: bank A's receipts of S1 filtered by organization and
 * event, exported as CSV with the same filter (the download link's resource, fetched with the
 * browser's session), bad filters refused next to the field; a bank's user cannot enter it.
 */
class PortalAuditBrowserIT {

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
    void ritaFiltersBankAsReceiptsAndExportsThemAsCsv() {
        browser = PortalBrowser.start(profile).signInAs("rita").open("audit");

        browser.enter("audit-org", "bank-a");
        browser.enter("audit-event", "ReceiptRecorded");

        List<String> cells = browser.gridCells("audit-grid");
        assertThat(cells).contains("ReceiptRecorded", "bank-a").doesNotContain("Granted", "JobSubmitted");
        assertThat(browser.isShown("audit-problem")).isFalse();
        browser.scrollToTop();
        browser.screenshot("audit");

        assertThat(browser.element("audit-export").getDomAttribute("download")).isNotNull();
        Map<String, Object> csv = fetch(browser.element("audit-export").getDomProperty("href"));
        assertThat(csv.get("status")).isEqualTo(200L);
        assertThat((String) csv.get("type")).startsWith("text/csv");
        String text = (String) csv.get("body");
        assertThat(text.lines().findFirst()).hasValue("block,time,transaction,log_index,contract,event,sender,"
                + "sender_organization,organization,relation,fields");
        assertThat(text.lines().skip(1)).isNotEmpty().allSatisfy(line -> assertThat(line).contains(",ReceiptRecorded,"));
        assertThat(text).contains(",bank-a,");
    }

    @Test
    void badFiltersAreRefusedNextToTheFieldAndTheRefusalsHaveATab() {
        browser = PortalBrowser.start(profile).signInAs("rita").open("audit");

        browser.enter("audit-org", "Bank A!");
        browser.enter("audit-event", "receipt recorded");

        assertThat(browser.fieldError("audit-org")).contains("organization alias");
        assertThat(browser.fieldError("audit-event")).contains("ReceiptRecorded");
        assertThat(browser.isShown("audit-problem")).isFalse();

        browser.enter("audit-org", "");
        browser.enter("audit-event", "");
        browser.click("audit-tab-refusals");

        assertThat(browser.element("audit-refusals-grid").isDisplayed()).isTrue();
        assertThat(browser.isShown("audit-problem")).isFalse();
    }

    @Test
    void aBankUserCannotOpenTheAudit() {
        browser = PortalBrowser.start(profile).signInAs("alice").open("audit");

        assertThat(browser.textOf("not-allowed")).contains("Audit");
        assertThat(browser.isShown("audit-grid")).isFalse();
        assertThat(browser.navigation()).doesNotContain("nav-audit");
    }

    /** Follows a link inside the page (same origin, the session's cookie): its status, type and text. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> fetch(String href) {
        return (Map<String, Object>) ((JavascriptExecutor) browser.driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin'})
                  .then(r => r.text().then(body => done({status: r.status, type: r.headers.get('Content-Type') || '', body})))
                  .catch(e => done({status: 0, type: '', body: String(e)}));""", href);
    }
}
