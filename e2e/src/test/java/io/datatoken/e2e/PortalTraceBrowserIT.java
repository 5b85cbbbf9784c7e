package io.datatoken.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The trace in a real browser: bank A's S1 data asset drawn as a lineage graph with the fintech's
 * algorithm above it and the op on the edge, a click on a DT re-centring the trace, the usage
 * timeline with the job's receipts; a malformed id refused under the field; the tracer's refusal
 * shown to someone outside the trace.
 */
class PortalTraceBrowserIT {

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
    void aliceSeesWhatIsMadeOfBankAsDataAndReCentresTheTraceOnTheAlgorithm() {
        browser = PortalBrowser.start(profile).signInAs("alice").open("trace/" + PortalS1Data.A_DATA);

        WebElement data = browser.element("trace-node-" + PortalS1Data.A_DATA);
        WebElement algorithm = browser.element("trace-node-" + PortalS1Data.C_ALGORITHM);
        assertThat(algorithm.getDomAttribute("data-owner")).isEqualTo("fintech-c");
        assertThat(algorithm.getDomAttribute("data-kind")).isEqualTo("ALGORITHM");
        assertThat(data.getDomAttribute("data-owner")).isEqualTo("bank-a");
        assertThat(algorithm.getRect().getY()).as("the algorithm is drawn above the data").isLessThan(data.getRect().getY());
        assertThat(ops()).as("the op the composition applies to bank A's data")
                .anySatisfy(op -> assertThat(op).startsWith("ss-share"));
        assertThat(browser.textOf("trace-details-owner")).isEqualTo("bank-a");
        List<String> timeline = browser.gridCells("trace-timeline");
        assertThat(timeline).contains("Receipt", "bank-a", "bank-b", "Job", "fintech-c");
        algorithm.click();
        browser.waitForVaadin();

        // Re-centred on the algorithm, seen from the other side: what it is made of, bank A's data below it.
        browser.await.until(d -> PortalS1Data.C_ALGORITHM.equals(d.findElement(By.id("trace-details-dt")).getText()));
        assertThat(browser.textOf("trace-details-owner")).isEqualTo("fintech-c");
        assertThat(browser.element("trace-dt").getDomProperty("value")).isEqualTo(PortalS1Data.C_ALGORITHM);
        assertThat(browser.driver.getCurrentUrl()).endsWith("trace/" + PortalS1Data.C_ALGORITHM);
        assertThat(browser.element("trace-node-" + PortalS1Data.A_DATA).getRect().getY())
                .as("made of: bank A's data hangs below the algorithm")
                .isGreaterThan(browser.element("trace-node-" + PortalS1Data.C_ALGORITHM).getRect().getY());
        assertThat(browser.isShown("trace-problem")).isFalse();
        assertThat(ops()).as("the op per part of the composition")
                .anySatisfy(op -> assertThat(op).startsWith("ss-share"))
                .anySatisfy(op -> assertThat(op).startsWith("secure-sum"));
        browser.scrollToTop();
        browser.screenshot("trace");

        // Bank B's data is used by the fintech's job only: the tracer does not show alice its trace.
        browser.driver.findElement(By.cssSelector("#trace-graph .trace-node[data-owner='bank-b'][data-kind='DATA']"))
                .click();
        browser.waitForVaadin();

        assertThat(browser.textOf("trace-problem")).contains("owns no DT and no job in the trace of");
        assertThat(browser.textOf("trace-details-dt")).as("the graph stays as it was").isEqualTo(PortalS1Data.C_ALGORITHM);
    }

    @Test
    void aMalformedDtIdIsRefusedUnderTheFieldAndNothingIsAsked() {
        browser = PortalBrowser.start(profile).signInAs("alice").open("trace");

        browser.enter("trace-dt", "0x1234");

        assertThat(browser.fieldError("trace-dt")).isEqualTo("A DT id is 0x followed by 64 hex digits");
        assertThat(browser.isShown("trace-problem")).isFalse();
        assertThat(browser.driver.findElements(By.cssSelector(".trace-node"))).isEmpty();
    }

    @Test
    void victorSeesTheTracersRefusalOfBankAsTrace() {
        browser = PortalBrowser.start(profile).signInAs("victor").open("trace/" + PortalS1Data.A_DATA);

        assertThat(browser.textOf("trace-problem")).contains("owns no DT and no job in the trace of " + PortalS1Data.A_DATA);
        assertThat(browser.driver.findElements(By.cssSelector(".trace-node"))).isEmpty();
    }

    private List<String> ops() {
        return browser.driver.findElements(By.cssSelector("#trace-graph .trace-op")).stream()
                .map(WebElement::getText).toList();
    }
}
