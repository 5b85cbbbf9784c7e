package io.datatoken.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Scenario S1 of SCENARIOS.md entirely through the portal, each step by the organization's own user
 * in a browser: bank A (alice) and bank B (bob) register their private feature data and compute nodes
 * and bind the data their premises hold at their own nodes; fintech C (carol) composes the four into
 * an algorithm in the workflow builder, binds her labels, posts a task and submits the job, which the
 * job service will not move while the banks have not approved; each bank approves its two assets for
 * the algorithm; carol authorizes and starts the job, follows it to SUCCEEDED and downloads Z, which
 * equals the plaintext X_A W_A + X_B W_B; the regulator (rita) then traces the job's receipts and audits
 * the grants and the job. Only the trusted ops (published by the platform's admin) come from outside.
 */
class PortalScenarioS1BrowserIT {

    private static final int ROWS = 24;
    /** Each party's rounding is at most half a unit of 2^-16, two parties; plus float noise of X W. */
    private static final double TOLERANCE = Math.pow(2, -16) + 1e-9;
    private static final Duration JOB_PATIENCE = Duration.ofSeconds(150);

    @TempDir
    Path profile;

    private PortalBrowser browser;
    private int browsers;
    /** A word only this run's assets have in their titles, so each catalog search finds one asset. */
    private final String word = "s1p" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void platformHasItsOps() throws Exception {
        // the organizations and the trusted ops ss-share and secure-sum, as the admin set them up
        PortalS1Data.ensure();
        AssetWorld.enter();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theBanksAndTheFintechRunS1ThroughThePortalAndTheRegulatorTracesIt() throws Exception {
        var stack = AssetWorld.stack;
        Random random = new Random(20261124);
        double[][] xA = matrix(ROWS, 3, random, 10);
        double[][] wA = matrix(3, 2, random, 1);
        double[][] xB = matrix(ROWS, 2, random, 10);
        double[][] wB = matrix(2, 2, random, 1);
        double[][] labels = matrix(ROWS, 1, random, 1);
        double[][] z = add(multiply(xA, wA), multiply(xB, wB));

        // 1. each bank registers its data and its compute node, and binds the data its premises hold
        String aData = registerAndBind("alice", "bank-a", "A", xA, wA);
        String aCompute = register("alice", "bank-a", "COMPUTE", "Compute", "Bank A node " + word, "secure-sum");
        String bData = registerAndBind("bob", "bank-b", "B", xB, wB);
        String bCompute = register("bob", "bank-b", "COMPUTE", "Compute", "Bank B node " + word, "secure-sum");

        // 2. fintech C composes them in the workflow builder: ss-share on the data, secure-sum on the nodes
        signInAs("carol").open("workflows");
        browser.enter("workflow-title", "Joint risk features " + word);
        browser.enter("workflow-endpoint", stack.computeNode("fintech-c"));
        browser.enter("workflow-params", "scale_bits = 16\nrecipient = fintech-c");
        for (String child : List.of("Bank A risk " + word, "Bank B risk " + word, "Bank A node " + word,
                "Bank B node " + word)) {
            browser.pick("workflow-child-search", child);
        }
        browser.await.until(d -> browser.textOf("workflow-verdict").startsWith("Every child's terms are met"));
        assertThat(List.of(aData, bData, aCompute, bCompute)).extracting(this::opChosenFor)
                .allSatisfy(op -> assertThat(op).as("the op each child offers, chosen for it").isNotBlank())
                .containsExactly(opChosenFor(aData), opChosenFor(aData), opChosenFor(aCompute), opChosenFor(aCompute));
        assertThat(opChosenFor(aData)).startsWith("ss-share");
        assertThat(opChosenFor(aCompute)).startsWith("secure-sum");
        browser.click("workflow-register");
        String algorithm = browser.textOf("workflow-dt");
        assertThat(algorithm).matches("0x[0-9a-f]{64}");

        // her labels, on her own node, for the model trained on Z
        Path labelsFile = premises("fintech-c", "labels", labels);
        browser.open("register");
        browser.pick("dataset-asset", "Joint risk features " + word);
        browser.choose("dataset-kind", "CSV file");
        browser.enter("dataset-location", labelsFile.getFileName().toString());
        browser.click("dataset-bind");
        assertThat(browser.isShown("dataset-problem")).isFalse();
        assertThat(browser.textOf("dataset-result")).contains("Joint risk features " + word);

        // 3. a task and the job, which cannot be authorized while the banks have not approved
        String task = "S1 through the portal " + word;
        browser.open("jobs");
        browser.enter("task-description", task);
        browser.click("task-create");
        browser.await.until(d -> browser.gridCells("tasks-grid").contains(task));
        browser.select("job-task", task);
        browser.select("job-algorithm", algorithm.substring(0, 10));
        browser.click("job-submit");
        assertThat(browser.textOf("job-state")).isEqualTo("Submitted");
        String job = browser.driver.getCurrentUrl().replaceAll(".*/jobs/", "");
        assertThat(job).matches("0x[0-9a-f]{64}");
        browser.click("job-authorize");
        assertThat(browser.textOf("job-missing")).contains("bank-a has not authorized", "bank-b has not authorized");

        // 4. each bank approves its data and its node for the algorithm, through the verifier
        approve("alice", algorithm, aData, aCompute);
        approve("bob", algorithm, bData, bCompute);

        // 5. carol authorizes and starts the job and follows it until it ends
        signInAs("carol").open("jobs/" + job);
        browser.click("job-authorize");
        assertThat(browser.textOf("job-state")).isEqualTo("Authorized");
        browser.click("job-start");
        assertThat(browser.isShown("job-move-problem")).isFalse();
        new WebDriverWait(browser.driver, JOB_PATIENCE).until(d -> List.of("Succeeded", "Failed", "Revoked")
                .contains(d.findElement(By.id("job-state")).getText()));
        // the detail line is there only when the job service says something (a failure's reason)
        assertThat(browser.textOf("job-state"))
                .as(() -> browser.isShown("job-detail") ? browser.driver.findElement(By.id("job-detail")).getText() : "")
                .isEqualTo("Succeeded");
        assertThat(browser.textOf("job-progress-text")).matches("(\\d+) of \\1 parties done");
        assertThat(browser.gridCells("job-parties")).contains("bank-a", "bank-b", "Done");

        // Z, from her node, equals the plaintext sum
        String result = (String) ((JavascriptExecutor) browser.driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0]).then(r => r.text()).then(done, e => done('failed: ' + e));",
                browser.element("job-result-download").getDomProperty("href"));
        JsonNode answer = Stack.JSON.readTree(result);
        assertThat(answer.get("job").asText()).isEqualTo(job);
        JsonNode zFromNode = answer.get("z");
        assertThat(zFromNode).hasSize(ROWS);
        for (int r = 0; r < ROWS; r++) {
            for (int c = 0; c < 2; c++) {
                assertThat(zFromNode.get(r).get(c).asDouble()).as("Z[%d][%d]", r, c)
                        .isCloseTo(z[r][c], org.assertj.core.data.Offset.offset(TOLERANCE));
            }
        }
        browser.scrollToTop();
        browser.screenshot("s1-job");

        // 6. the regulator traces the job's receipts from both banks and audits the algorithm's grants and job
        signInAs("rita");
        reopenUntil("trace/" + algorithm, d -> {
            List<String> timeline = browser.gridCells("trace-timeline");
            return timeline.contains("Receipt") && timeline.contains("bank-a") && timeline.contains("bank-b");
        });
        assertThat(browser.isShown("trace-problem")).isFalse();
        assertThat(browser.gridCells("trace-timeline")).contains("Job", "fintech-c");
        browser.choose("trace-direction", "Made of (what it is made of)");
        browser.click("trace-button");
        for (String child : List.of(aData, bData, aCompute, bCompute)) {
            assertThat(browser.element("trace-node-" + child).getDomAttribute("data-owner"))
                    .isEqualTo(child.equals(aData) || child.equals(aCompute) ? "bank-a" : "bank-b");
        }
        browser.scrollToTop();
        browser.screenshot("s1-trace-regulator");

        browser.open("audit");
        browser.enter("audit-dt", algorithm);
        browser.await.until(d -> browser.gridCells("audit-grid").containsAll(List.of("Granted", "JobSubmitted")));
        assertThat(browser.gridCells("audit-grid")).contains("bank-a", "bank-b", "fintech-c");
        assertThat(browser.isShown("audit-problem")).isFalse();
    }

    /** The bank's user registers its feature data (offered to fintech C for ss-share) and binds X_i and W_i. */
    private String registerAndBind(String user, String bank, String letter, double[][] x, double[][] w)
            throws IOException {
        String title = "Bank " + letter + " risk " + word;
        String dt = register(user, bank, "DATA", "Data", title, "ss-share");
        Path xFile = premises(bank, "x-" + letter.toLowerCase(), x);
        Path wFile = premises(bank, "w-" + letter.toLowerCase(), w);
        String chosen = browser.element("dataset-asset").findElement(By.cssSelector("input")).getDomProperty("value");
        assertThat(chosen).as("the new data asset is chosen for binding").startsWith(title);
        browser.choose("dataset-kind", "CSV file");
        browser.enter("dataset-location", xFile.getFileName().toString());
        browser.enter("dataset-weights", wFile.getFileName().toString());
        browser.click("dataset-bind");
        assertThat(browser.isShown("dataset-problem")).isFalse();
        assertThat(browser.textOf("dataset-result")).contains(title);
        return dt;
    }

    /** Registers an asset at the user's organization's node in the Register view, signed in as the user. */
    private String register(String user, String organization, String kind, String kindLabel, String title, String op) {
        signInAs(user).open("register");
        browser.choose("register-kind", kindLabel);
        browser.enter("register-title", title);
        browser.enter("register-endpoint", AssetWorld.stack.computeNode(organization));
        browser.pick("register-ops", op + " ");
        browser.enter("register-consumers", "fintech-c");
        browser.click("register-submit");
        assertThat(browser.isShown("register-problem")).as("the asset service accepted the %s asset", kind).isFalse();
        String dt = browser.textOf("register-dt");
        assertThat(dt).matches("0x[0-9a-f]{64}");
        return dt;
    }

    /** The label of the op the workflow builder has chosen for the child. */
    private String opChosenFor(String child) {
        return browser.element("workflow-op-" + child).findElement(By.cssSelector("input")).getDomProperty("value");
    }

    /** The bank's user approves the algorithm's use of each of its assets in the Approvals view. */
    private void approve(String user, String algorithm, String... assets) {
        signInAs(user).open("approvals");
        for (String asset : assets) {
            String key = algorithm + "-" + asset;
            browser.await.until(d -> {
                browser.click("approvals-refresh");
                return !d.findElements(By.id("approvals-approve-" + key)).isEmpty();
            });
            browser.click("approvals-approve-" + key);
            browser.await.until(d -> d.findElement(By.id("approvals-outcome")).getText().startsWith("Approved"));
            assertThat(browser.isShown("approvals-action-problem")).isFalse();
        }
    }

    /** A fresh browser (its own profile: no Keycloak session of the previous user) signed in as the user. */
    private PortalBrowser signInAs(String user) {
        if (browser != null) {
            browser.close();
        }
        browser = PortalBrowser.start(profile.resolve(user + "-" + ++browsers)).signInAs(user);
        return browser;
    }

    /** Opens the route again until the condition holds: the tracer indexes what the chain recorded a little later. */
    private void reopenUntil(String route, Function<WebDriver, Boolean> condition) {
        browser.await.until(d -> {
            browser.open(route);
            return condition.apply(d);
        });
    }

    /** A CSV file of the matrix in the organization's datasets directory, as its own premises hold it. */
    private static Path premises(String organization, String name, double[][] m) throws IOException {
        Path directory = AssetWorld.stack.computeDatasets(organization);
        Files.createDirectories(directory);
        Path file = directory.resolve("e2e-portal-s1-" + name + "-" + UUID.randomUUID() + ".csv");
        Files.writeString(file, java.util.Arrays.stream(m).map(row -> java.util.Arrays.stream(row)
                .mapToObj(Double::toString).collect(Collectors.joining(","))).collect(Collectors.joining("\n")) + "\n");
        return file;
    }

    private static double[][] matrix(int rows, int cols, Random random, double scale) {
        double[][] m = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                m[r][c] = Math.round((random.nextDouble() * 2 - 1) * scale * 1000) / 1000.0;
            }
        }
        return m;
    }

    private static double[][] multiply(double[][] x, double[][] w) {
        double[][] p = new double[x.length][w[0].length];
        IntStream.range(0, x.length).forEach(r -> {
            for (int c = 0; c < w[0].length; c++) {
                for (int k = 0; k < w.length; k++) {
                    p[r][c] += x[r][k] * w[k][c];
                }
            }
        });
        return p;
    }

    private static double[][] add(double[][] a, double[][] b) {
        double[][] s = new double[a.length][a[0].length];
        for (int r = 0; r < a.length; r++) {
            for (int c = 0; c < a[0].length; c++) {
                s[r][c] = a[r][c] + b[r][c];
            }
        }
        return s;
    }
}
