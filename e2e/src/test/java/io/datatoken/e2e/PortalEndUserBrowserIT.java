package io.datatoken.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * An end user in a real browser (scenario S2, decisions 0020 and 0021): u1 of vendor-a, who registered
 * data of their own at their device node, finds it on the dashboard under "My data" and opens its trace
 * from there; sees no section of an organization's member; and is shown the tracer's refusal of the trace
 * of vendor-a's own data, which is not theirs; consents at their device, from the dashboard, to a composition of
 * their data by vendor-a and withdraws it, and is shown the device's refusal of a composition for another purpose.
 * The data is set up here, through the platform's APIs.
 */
class PortalEndUserBrowserIT {

    private static final String VENDOR_USERS = "/asset/api/v1/organizations/vendor-a/end-users";
    private static final String MY_TOKENS = "/tracer/api/v1/end-users/me/tokens";
    /** The purpose u1's terms agree to. */
    private static final String PURPOSE = "heart health research";

    /** u1's own DATA token, registered at u1's device with u1's key */
    static String u1Data;
    /** vendor-a's own DATA token (no end user's), registered by vendor-a's data provider */
    static String vendorsData;

    @TempDir
    Path profile;

    private PortalBrowser browser;

    @BeforeAll
    static void u1HasRegisteredDataOfTheirOwn() throws IOException {
        AssetWorld.enter();
        Stack stack = AssetWorld.stack;
        AssetWorld.adopt(stack.tokenOf("admin"), "vendor-a",
                "[\"data-provider\",\"compute-provider\",\"algorithm-provider\",\"data-user\"]");
        String device = stack.deviceNode("vendor-a", "u1");
        String u1 = stack.tokenOf("u1");

        // vendor-a keeps u1 in its registry with the account of u1's device (the same again answers 200)
        HttpResponse<String> deviceInfo = stack.get(URI.create(device + "/v1/device"), u1);
        assertThat(deviceInfo.statusCode()).as(deviceInfo.body()).isEqualTo(200);
        String account = Stack.JSON.readTree(deviceInfo.body()).get("account").asText();
        HttpResponse<String> registered = stack.post(VENDOR_USERS, stack.tokenOf("victor"), AssetWorld.JSON_TYPE,
                AssetWorld.bytes("{\"userId\":\"u1\",\"account\":\"" + account + "\"}"));
        assertThat(registered.statusCode()).as(registered.body()).isIn(200, 201);

        u1Data = AssetWorld.newDt();
        String ddo = "{\"dt\":\"" + u1Data + "\",\"kind\":\"DATA\",\"title\":\"u1's readings (portal test)\","
                + "\"owner\":\"vendor-a\",\"services\":[{\"type\":\"compute-to-data\",\"endpoint\":\"" + device + "\","
                + "\"supportedOps\":[\"" + AssetWorld.opShare + "\"],\"terms\":{\"allowedOps\":{\"" + AssetWorld.opShare
                + "\":{}},\"purpose\":\"" + PURPOSE + "\"}}]}";
        HttpResponse<String> own = stack.post(URI.create(device + "/v1/device/assets"), u1, AssetWorld.JSON_TYPE,
                AssetWorld.bytes(ddo));
        assertThat(own.statusCode()).as(own.body()).isEqualTo(201);

        vendorsData = AssetWorld.newDt();
        AssetWorld.created(AssetWorld.register(stack.tokenOf("victor"),
                AssetWorld.dataDdo(vendorsData, "vendor-a", "fintech-c")));

        // the tracer lists and traces a token once its index holds the confirmed registration
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> stack.get(MY_TOKENS, u1).body(), body -> body.contains(u1Data));
        String victor = stack.tokenOf("victor");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> stack.get("/tracer/api/v1/usage/" + vendorsData, victor).statusCode() == 200);
    }

    /**
     * vendor-a's fresh composition of u1's data alone, running the op u1's terms allow, for a purpose;
     * returned once the tracer lists it above u1's token (u1 reads that usage).
     */
    private static String vendorComposesU1sData(String purpose) throws IOException {
        Stack stack = AssetWorld.stack;
        String union = AssetWorld.newDt();
        String ddo = "{\"dt\":\"" + union + "\",\"kind\":\"COMPUTE\",\"title\":\"vendor-a's union (portal test)\","
                + "\"owner\":\"vendor-a\",\"services\":[{\"type\":\"data-union\",\"endpoint\":\""
                + stack.computeNode("vendor-a") + "\",\"childDts\":[\"" + u1Data + "\"],\"workflow\":{\"setOps\":{\""
                + u1Data + "\":\"" + AssetWorld.opShare + "\"},\"configs\":{}},\"terms\":{\"purpose\":\"" + purpose
                + "\"}}]}";
        AssetWorld.created(AssetWorld.register(stack.tokenOf("victor"), ddo));
        String u1 = stack.tokenOf("u1");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> stack.get("/tracer/api/v1/usage/" + u1Data, u1).body(), body -> body.contains(union));
        return union;
    }

    /** Waits until the tracer's last grant change of u1's token to the composition is this one. */
    private static void awaitTheTracersLastChange(String composition, String change) {
        Stack stack = AssetWorld.stack;
        String u1 = stack.tokenOf("u1");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            JsonNode last = null;
            for (JsonNode grant : Stack.JSON.readTree(stack.get("/tracer/api/v1/usage/" + u1Data, u1).body())
                    .path("grants")) {
                if (composition.equals(grant.path("parent").asText())) {
                    last = grant;
                }
            }
            return last != null && change.equals(last.path("change").asText())
                    && !last.path("by").asText().isBlank();
        });
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void u1FindsTheirOwnDataOnTheDashboardAndOpensItsTrace() {
        browser = PortalBrowser.start(profile).signInAs("u1");

        assertThat(browser.textOf("current-roles")).isEqualTo("end-user");
        assertThat(browser.element("my-data").isDisplayed()).isTrue();
        assertThat(browser.isShown("my-data-problem")).as("the tracer answered").isFalse();
        assertThat(browser.element("my-data-trace-" + u1Data).getDomAttribute("title")).isEqualTo(u1Data);
        assertThat(browser.driver.findElements(By.id("my-data-trace-" + vendorsData))).as("vendor-a's own").isEmpty();
        assertThat(browser.textOf("my-data-consent")).contains("at your own device node");
        assertThat(browser.isShown("my-assets")).as("an organization's assets are not an end user's").isFalse();
        assertThat(browser.isShown("my-jobs")).isFalse();
        assertThat(browser.isShown("recent-events")).as("the audit refuses end users").isFalse();

        browser.click("my-data-trace-" + u1Data);

        browser.await.until(d -> d.getCurrentUrl().endsWith("trace/" + u1Data));
        browser.await.until(d -> u1Data.equals(d.findElement(By.id("trace-details-dt")).getText()));
        assertThat(browser.textOf("trace-details-owner")).isEqualTo("vendor-a");
        assertThat(browser.element("trace-node-" + u1Data).getDomAttribute("data-owner")).isEqualTo("vendor-a");
        assertThat(browser.isShown("trace-problem")).as("the tracer lets u1 read their own trace").isFalse();
    }

    @Test
    void u1ConsentsAtTheirDeviceToVendorAsCompositionOfTheirDataAndWithdrawsItFromTheDashboard() throws IOException {
        String union = vendorComposesU1sData(PURPOSE);
        String key = u1Data + "-" + union;
        browser = PortalBrowser.start(profile).signInAs("u1");

        assertThat(browser.textOf("my-data-consent-state-" + key)).isEqualTo("None given");
        assertThat(browser.textOf("my-data-consent-action-" + key)).isEqualTo("Consent");
        assertThat(browser.gridCells("my-data-compositions")).contains("vendor-a");

        browser.click("my-data-consent-action-" + key);

        browser.await.until(d -> d.findElement(By.id("my-data-consent-outcome")).getText().startsWith("Consented"));
        assertThat(browser.textOf("my-data-consent-outcome")).contains("transaction 0x");
        assertThat(browser.isShown("my-data-consent-problem")).isFalse();
        browser.await.until(d -> "Withdraw".equals(d.findElement(By.id("my-data-consent-action-" + key)).getText()));
        assertThat(browser.textOf("my-data-consent-state-" + key)).isEqualTo("Given, until you withdraw it");
        awaitTheTracersLastChange(union, "GRANTED");

        browser.click("my-data-consent-action-" + key);

        browser.await.until(d -> d.findElement(By.id("my-data-consent-outcome")).getText().startsWith("Withdrawn"));
        assertThat(browser.isShown("my-data-consent-problem")).isFalse();
        browser.await.until(d -> "Consent".equals(d.findElement(By.id("my-data-consent-action-" + key)).getText()));
        assertThat(browser.textOf("my-data-consent-state-" + key)).isEqualTo("Withdrawn");
        awaitTheTracersLastChange(union, "REVOKED");

        // read afresh from the tracer alone, the withdrawal stands
        browser.open("");
        assertThat(browser.textOf("my-data-consent-state-" + key)).isEqualTo("Withdrawn");
        assertThat(browser.textOf("my-data-consent-action-" + key)).isEqualTo("Consent");
    }

    @Test
    void u1ConsentsUntilADayTheyPickAndTheChainHoldsThatExpiry() throws IOException {
        String union = vendorComposesU1sData(PURPOSE);
        String key = u1Data + "-" + union;
        browser = PortalBrowser.start(profile).signInAs("u1");
        java.time.LocalDate lastDay = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(30);

        browser.enter("my-data-consent-until", lastDay.format(java.time.format.DateTimeFormatter.ofPattern("M/d/yyyy")));
        browser.click("my-data-consent-action-" + key);

        browser.await.until(d -> d.findElement(By.id("my-data-consent-outcome")).getText().startsWith("Consented"));
        browser.await.until(d -> "Withdraw".equals(d.findElement(By.id("my-data-consent-action-" + key)).getText()));
        // the consent lasts through the picked day: it ends when the next one begins (UTC)
        String end = lastDay.plusDays(1) + " 00:00:00 UTC";
        assertThat(browser.textOf("my-data-consent-state-" + key)).isEqualTo("Given, until " + end);
        awaitTheTracersLastChange(union, "GRANTED");
        browser.open("");
        assertThat(browser.textOf("my-data-consent-state-" + key)).as("read afresh from the tracer")
                .isEqualTo("Given, until " + end);
    }

    @Test
    void u1IsShownTheDevicesRefusalOfACompositionForAnotherPurposeWithWhatItBreaks() throws IOException {
        String advertising = vendorComposesU1sData("advertising");
        String key = u1Data + "-" + advertising;
        browser = PortalBrowser.start(profile).signInAs("u1");

        browser.click("my-data-consent-action-" + key);

        browser.await.until(d -> d.findElement(By.id("my-data-consent-problem")).isDisplayed());
        assertThat(browser.textOf("my-data-consent-problem")).contains("breaks 1 rule(s) of your terms",
                "nothing was consented");
        assertThat(browser.gridCells("my-data-consent-denials")).contains("purpose", "advertising", PURPOSE);
        assertThat(browser.driver.findElement(By.id("my-data-consent-outcome")).getText()).as("nothing consented").isEmpty();
        assertThat(browser.textOf("my-data-consent-action-" + key)).isEqualTo("Consent");
        assertThat(browser.textOf("my-data-consent-state-" + key)).isEqualTo("None given");
    }

    @Test
    void u1SeesNoSectionOfAnOrganizationsMember() {
        browser = PortalBrowser.start(profile).signInAs("u1");

        assertThat(browser.navigation()).containsExactly("nav-dashboard", "nav-trace");

        for (String[] section : new String[][] {{"register", "Register asset"}, {"approvals", "Approvals"},
                {"jobs", "Tasks and jobs"}, {"catalog", "Catalog"}}) {
            browser.open(section[0]);
            assertThat(browser.textOf("not-allowed")).as(section[0]).contains(section[1]);
        }
    }

    @Test
    void u1IsShownTheTracersRefusalOfVendorAsOwnData() {
        browser = PortalBrowser.start(profile).signInAs("u1").open("trace/" + vendorsData);

        assertThat(browser.textOf("trace-problem")).contains("is not end user u1 of vendor-a's own",
                "an end user reads the trace of their own data tokens only");
        assertThat(browser.driver.findElements(By.cssSelector(".trace-node"))).isEmpty();
    }
}
