package io.datatoken.e2e;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;

/**
 * Scenario S1's data for the portal's trace and audit tests: bank A's data asset, the fintech's
 * algorithm and the receipts of a job over them. On a stack whose tracer does not know them yet
 * (a fresh one, before {@code ScenarioS1IT}), runs {@code ./datatoken demo s1} first, so these
 * tests do not depend on the order the suite runs in.
 */
final class PortalS1Data {

    static final String A_DATA = "0x" + AssetWorld.sha256("datatoken-demo:A-data".getBytes(StandardCharsets.UTF_8));
    static final String C_ALGORITHM = "0x"
            + AssetWorld.sha256("datatoken-demo:C-algorithm".getBytes(StandardCharsets.UTF_8));

    private static boolean ready;

    private PortalS1Data() {
    }

    static synchronized void ensure() throws Exception {
        if (ready) {
            return;
        }
        AssetWorld.enter();
        if (!tracerKnowsTheReceipts()) {
            runTheDemo();
            await().atMost(Duration.ofSeconds(60))
                    .until(PortalS1Data::tracerKnowsTheReceipts);
        }
        ready = true;
    }

    private static boolean tracerKnowsTheReceipts() throws Exception {
        var usage = AssetWorld.stack.get("/tracer/api/v1/usage/" + A_DATA, AssetWorld.stack.tokenOf("alice"));
        return usage.statusCode() == 200 && !Stack.JSON.readTree(usage.body()).path("receipts").isEmpty();
    }

    private static void runTheDemo() throws Exception {
        Launcher.run(Files.createTempDirectory("portal-s1"), "demo", "s1");
    }
}
