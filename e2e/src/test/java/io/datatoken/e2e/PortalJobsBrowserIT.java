package io.datatoken.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Tasks and jobs in a real browser: fintech C's carol posts a task (bad input refused under the
 * field first), submits one of her algorithm assets as a job, and the job service's refusal to
 * authorize or start it while the banks have not authorized it shows in place. A job of carol's that
 * ran to SUCCEEDED (the one {@code ./datatoken demo s1} ran, run here if there is none yet) shows each party DONE with its
 * receipt, and its result downloads; a job started in the view is followed live until it ends.
 */
class PortalJobsBrowserIT {

    private static AssetWorld.Composition composition;

    @TempDir
    Path profile;

    private PortalBrowser browser;

    @BeforeAll
    static void carolsAlgorithmOverTwoBanksThatHaveNotAuthorizedIt() throws IOException {
        AssetWorld.enter();
        var stack = AssetWorld.stack;
        composition = AssetWorld.twoBanksAndAnAlgorithm(stack.tokenOf("alice"), stack.tokenOf("bob"), stack.tokenOf("carol"));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void carolPostsATaskSubmitsAJobAndSeesTheJobServiceRefuseToMoveItUnauthorized() {
        browser = PortalBrowser.start(profile).signInAs("carol").open("jobs");
        String description = "Portal risk task " + UUID.randomUUID().toString().substring(0, 8);

        browser.click("task-create");

        assertThat(browser.fieldError("task-description")).isEqualTo("Describe the task in 1 to 200 characters");

        browser.enter("task-description", "x".repeat(201));

        assertThat(browser.fieldError("task-description")).isEqualTo("Describe the task in 1 to 200 characters");
        browser.click("task-create");
        assertThat(browser.isShown("tasks-problem")).isFalse();
        assertThat(browser.gridCells("tasks-grid")).doesNotContain("x".repeat(201));

        browser.enter("task-description", description);
        browser.click("task-create");

        assertThat(browser.fieldError("task-description")).isEmpty();
        assertThat(browser.isShown("tasks-problem")).isFalse();
        assertThat(browser.gridCells("tasks-grid")).contains(description);

        browser.select("job-task", description);
        browser.select("job-algorithm", composition.algorithm().substring(0, 10));
        browser.click("job-submit");

        assertThat(browser.textOf("job-state")).isEqualTo("Submitted");
        assertThat(browser.driver.getCurrentUrl()).matches(".*/jobs/0x[0-9a-f]{64}$");
        assertThat(browser.textOf("job-progress-text")).isEqualTo("0 of 0 parties done");

        browser.click("job-start");

        assertThat(browser.textOf("job-move-problem")).contains("refused to start job", "cannot move");
        assertThat(browser.textOf("job-state")).isEqualTo("Submitted");

        browser.click("job-authorize");

        assertThat(browser.textOf("job-move-problem"))
                .contains("not every party below algorithm " + composition.algorithm() + " has authorized it");
        assertThat(browser.textOf("job-missing")).contains("The job waits for:",
                "bank-a has not authorized " + composition.aData().substring(0, 10),
                "bank-b has not authorized " + composition.bData().substring(0, 10), "(grant missing)");
        assertThat(browser.textOf("job-state")).isEqualTo("Submitted");
        assertThat(browser.isShown("job-result-download")).isFalse();
    }

    @Test
    void aJobThatSucceededShowsEveryPartyDoneWithItsReceiptAndItsResultDownloads() throws Exception {
        Optional<String> succeeded = carolsSucceededJobWithAResult();
        if (succeeded.isEmpty()) {
            // a fresh stack (this class may run before ScenarioS1IT): S1 makes one
            PortalS1Data.ensure();
            succeeded = carolsSucceededJobWithAResult();
        }
        assertThat(succeeded).as("carol's S1 job, SUCCEEDED with a result at her node").isPresent();
        String job = succeeded.get();
        browser = PortalBrowser.start(profile).signInAs("carol").open("jobs/" + job);

        assertThat(browser.textOf("job-state")).isEqualTo("Succeeded");
        assertThat(browser.textOf("job-detail")).contains("SUCCEEDED");
        String progress = browser.textOf("job-progress-text");
        assertThat(progress).matches("(\\d+) of \\1 parties done").doesNotStartWith("0 ");
        assertThat(browser.gridCells("job-parties")).contains("bank-a", "bank-b", "Done").doesNotContain("—");
        WebElement download = browser.element("job-result-download");
        assertThat(download.getText()).isEqualTo("Download the result (JSON)");

        String result = (String) ((JavascriptExecutor) browser.driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0]).then(r => r.text()).then(done, e => done('failed: ' + e));",
                download.getDomProperty("href"));
        JsonNode json = Stack.JSON.readTree(result);
        assertThat(json.get("job").asText()).isEqualTo(job);
        assertThat(json.get("z")).isNotNull();

        browser.scrollToTop();
        browser.screenshot("jobs");
    }

    @Test
    void aJobStartedInTheViewIsFollowedLiveUntilItEnds() throws IOException {
        var stack = AssetWorld.stack;
        String carol = stack.tokenOf("carol");
        // both banks authorize this composition; its nodes then accept and fail it (ss-share has no compute asset
        // to share to), so the job runs and ends without anyone reloading the page
        AssetWorld.Composition granted = AssetWorld.twoBanksAndAnAlgorithm(stack.tokenOf("alice"), stack.tokenOf("bob"), carol);
        grant(stack.tokenOf("alice"), granted.aData(), granted.algorithm());
        grant(stack.tokenOf("bob"), granted.bData(), granted.algorithm());
        var task = stack.post("/job/api/v1/tasks", carol, AssetWorld.JSON_TYPE,
                AssetWorld.bytes("{\"description\":\"portal live job\"}"));
        String taskId = Stack.JSON.readTree(task.body()).get("taskId").asText();
        var submitted = stack.post("/job/api/v1/tasks/" + taskId + "/jobs", carol, AssetWorld.JSON_TYPE,
                AssetWorld.bytes("{\"algorithm\":\"" + granted.algorithm() + "\"}"));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        String job = Stack.JSON.readTree(submitted.body()).get("jobId").asText();
        browser = PortalBrowser.start(profile).signInAs("carol").open("jobs/" + job);

        assertThat(browser.textOf("job-state")).isEqualTo("Submitted");
        browser.click("job-authorize");
        assertThat(browser.textOf("job-state")).isEqualTo("Authorized");
        assertThat(browser.isShown("job-move-problem")).isFalse();
        browser.click("job-start");

        assertThat(browser.isShown("job-move-problem")).isFalse();
        assertThat(browser.isShown("job-authorize")).isFalse();
        new WebDriverWait(browser.driver, Duration.ofSeconds(90)).until(driver ->
                driver.findElement(By.id("job-state")).getText().equals("Failed"));
        assertThat(browser.textOf("job-detail")).startsWith("ended as FAILED");
        assertThat(browser.gridCells("job-parties")).contains("bank-a", "bank-b", stack.computeNode("bank-a"),
                stack.computeNode("bank-b"));
        assertThat(browser.textOf("job-progress-text")).matches("\\d+ of [1-9]\\d* parties done");
        assertThat(browser.isShown("job-result-download")).isFalse();
    }

    private static void grant(String token, String child, String parent) {
        var response = AssetWorld.stack.post(AssetWorld.ASSETS + "/" + child + "/grants", token, AssetWorld.JSON_TYPE,
                AssetWorld.bytes("{\"parent\":\"" + parent + "\"}"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    /** The newest job of carol's that SUCCEEDED and whose result her organization's node holds. */
    private static Optional<String> carolsSucceededJobWithAResult() throws IOException {
        var stack = AssetWorld.stack;
        String carol = stack.tokenOf("carol");
        JsonNode jobs = Stack.JSON.readTree(stack.get("/job/api/v1/jobs", carol).body());
        return StreamSupport.stream(jobs.spliterator(), false)
                .filter(j -> "SUCCEEDED".equals(j.path("state").asText()))
                .map(j -> j.get("jobId").asText())
                .filter(j -> stack.get(URI.create(stack.computeNode("fintech-c") + "/v1/results/" + j), carol)
                        .statusCode() == 200)
                .findFirst();
    }
}
