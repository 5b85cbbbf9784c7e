package io.datatoken.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The workflow builder in a real browser: fintech C picks two banks' data from the catalog, sees live
 * which child's terms the draft breaks (the purpose, then an organization the asset is not offered
 * to) and why, fixes the draft and registers it; the verifier then passes the registered composition.
 */
class PortalWorkflowBrowserIT {

    private static final String PURPOSE = "joint risk features";

    @TempDir
    Path profile;

    private PortalBrowser browser;
    /** A word only this test's assets have in their titles, so the catalog search finds them alone. */
    private final String word = "wf" + UUID.randomUUID().toString().substring(0, 8);
    private String offered;
    private String notOffered;

    @BeforeEach
    void twoBanksOfferData() throws Exception {
        AssetWorld.enter();
        var stack = AssetWorld.stack;
        offered = AssetWorld.newDt();
        notOffered = AssetWorld.newDt();
        AssetWorld.created(AssetWorld.register(stack.tokenOf("alice"), AssetWorld.withTitle(
                AssetWorld.dataDdo(offered, "bank-a", "fintech-c"), "Loans of bank A " + word)));
        AssetWorld.created(AssetWorld.register(stack.tokenOf("bob"), AssetWorld.withTitle(
                AssetWorld.dataDdo(notOffered, "bank-b", "regulator"), "Deposits of bank B " + word)));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void carolComposesTheBanksDataSeesWhyATermIsNotMetFixesItAndRegistersTheComposition() throws Exception {
        // an algorithm provider registering an algorithm is sent to the workflow builder
        browser = PortalBrowser.start(profile).signInAs("carol").open("register");
        browser.click("register-algorithm-link");
        browser.await.until(d -> d.getCurrentUrl().endsWith("/workflows"));
        assertThat(browser.textOf("workflow-verdict")).startsWith("Pick the child assets");

        browser.enter("workflow-params", "scale_bits 16");
        assertThat(browser.fieldError("workflow-params")).startsWith("Line 1 is not name = value");
        browser.click("workflow-register");
        assertThat(browser.fieldError("workflow-title")).startsWith("A title is");
        assertThat(browser.fieldError("workflow-child-search")).isEqualTo("Pick at least one child asset");

        browser.pick("workflow-child-search", "Loans of bank A " + word);
        browser.await.until(d -> verdictOf(offered).startsWith("Not met"));
        assertThat(verdictOf(offered)).contains("purpose").contains(PURPOSE);

        browser.enter("workflow-purpose", PURPOSE);
        browser.await.until(d -> verdictOf(offered).equals("Met"));
        assertThat(browser.textOf("workflow-verdict")).startsWith("Every child's terms are met");

        browser.pick("workflow-child-search", "Deposits of bank B " + word);
        browser.await.until(d -> verdictOf(notOffered).startsWith("Not met"));
        assertThat(verdictOf(notOffered)).contains("consumer-organization").contains("fintech-c").contains("regulator");
        assertThat(browser.textOf("workflow-verdict")).startsWith("1 of 2 children's terms are not met");
        assertThat(browser.gridCells("workflow-children")).contains("bank-a", "bank-b");
        browser.enter("workflow-title", "Risk of bank A " + word);
        browser.enter("workflow-params", "scale_bits = 16\nrecipient = fintech-c");
        assertThat(browser.fieldError("workflow-params")).isEmpty();
        browser.element("workflow-verdict");
        browser.screenshot("workflows");

        browser.click("workflow-remove-" + notOffered);
        browser.await.until(d -> browser.textOf("workflow-verdict").startsWith("Every child's terms are met"));
        browser.click("workflow-register");

        String dt = browser.textOf("workflow-dt");
        assertThat(browser.isShown("workflow-problem")).isFalse();
        var stack = AssetWorld.stack;
        String carol = stack.tokenOf("carol");
        JsonNode asset = Stack.JSON.readTree(stack.get("/asset/api/v1/assets/" + dt, carol).body());
        assertThat(asset.get("kind").asText()).isEqualTo("ALGORITHM");
        assertThat(asset.get("owner").asText()).isEqualTo("fintech-c");
        assertThat(texts(asset.get("children"))).containsExactly(offered);
        JsonNode ddo = Stack.JSON.readTree(stack.get("/asset/api/v1/assets/" + dt + "/ddo", carol).body());
        JsonNode workflow = ddo.at("/services/0/workflow");
        assertThat(workflow.at("/setOps/" + offered).asText()).isEqualTo(AssetWorld.opShare);
        assertThat(workflow.at("/configs/scale_bits").asText()).isEqualTo("16");
        var report = stack.post("/verifier/api/v1/verifications", carol, AssetWorld.JSON_TYPE,
                AssetWorld.bytes("{\"parent\":\"" + dt + "\"}"));
        assertThat(Stack.JSON.readTree(report.body()).get("passed").asBoolean()).as(report.body()).isTrue();
    }

    @Test
    void aChildOfferingSeveralOpsWaitsForTheChoiceAndRemovingTheLastChildLeavesNothingToRegister() throws Exception {
        String twoOps = AssetWorld.newDt();
        ObjectNode ddo = (ObjectNode) Stack.JSON.readTree(AssetWorld.withTitle(
                AssetWorld.dataDdo(twoOps, "bank-a", "fintech-c"), "Cards of bank A " + word));
        ((ArrayNode) ddo.at("/services/0/supportedOps")).add(AssetWorld.opSum);
        ((ObjectNode) ddo.at("/services/0/terms/allowedOps")).putObject(AssetWorld.opSum);
        AssetWorld.created(AssetWorld.register(AssetWorld.stack.tokenOf("alice"), Stack.JSON.writeValueAsString(ddo)));
        browser = PortalBrowser.start(profile).signInAs("carol").open("workflows");
        browser.enter("workflow-title", "Risk " + word);
        browser.pick("workflow-child-search", "Cards of bank A " + word);
        browser.await.until(d -> verdictOf(twoOps).startsWith("Not met"));
        assertThat(verdictOf(twoOps)).contains("workflow-op");

        browser.click("workflow-register");
        assertThat(browser.textOf("workflow-children-error")).startsWith("Choose the op to run on: Cards of bank A");
        assertThat(browser.isShown("workflow-result")).isFalse();

        browser.click("workflow-remove-" + twoOps);
        browser.await.until(d -> browser.textOf("workflow-verdict").startsWith("Pick the child assets"));
        browser.click("workflow-register");
        assertThat(browser.fieldError("workflow-child-search")).isEqualTo("Pick at least one child asset");
        assertThat(browser.isShown("workflow-result")).isFalse();
    }

    private String verdictOf(String child) {
        return browser.driver.findElement(By.id("workflow-verdict-" + child)).getText().strip();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
