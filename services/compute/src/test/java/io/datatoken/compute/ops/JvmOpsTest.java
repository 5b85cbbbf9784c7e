package io.datatoken.compute.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The privacy module's ops as the compute node runs JVM ops: the op packages its build writes (a JAR
 * naming the op's main class, with the module and the libraries that op needs beside it), run as real
 * processes under the node's sandbox: what the parties send each other passes between the processes
 * only as the ops' JSON.
 */
class JvmOpsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OpRunner RUNNER = new OpRunner(Path.of("/usr/bin/python3"),
            Path.of(System.getProperty("java.home"), "bin", "java"), Path.of("/usr/bin/prlimit"), Duration.ofSeconds(30),
            1024L * 1024 * 1024);

    /** The privacy module's build output, beside this module (surefire runs in the module's directory). */
    private static final Path OP_PACKAGES = Path.of(System.getProperty("datatoken.opPackages",
            "../shared/privacy/target/op-packages"));

    /** The kept libraries the packages name by hash, as a node keeps them (datatoken.compute.jvm-libraries). */
    private static final OpLibraries LIBRARIES = new OpLibraries(Path.of(System.getProperty("datatoken.jvmLibraries",
            "../shared/privacy/target/op-runtime")));

    @TempDir
    Path scratch;

    @Test
    void twoBanksStatisticsPassFromTheirSharesThroughTwoNodesToTheRecipientAsOpProcesses() throws Exception {
        Path share = opPackage("stats-share");
        Path sum = opPackage("stats-sum");
        Path result = opPackage("stats-result");
        double[] bankA = {12.5, -3.25, 7.0, 1000.125};
        double[] bankB = {-40.0, 2.5};

        List<List<JsonNode>> toNode = List.of(new ArrayList<>(), new ArrayList<>());
        for (var party : List.of(new Object[] {"bank-a", bankA}, new Object[] {"bank-b", bankB})) {
            ObjectNode input = agreed().put("party", (String) party[0]);
            for (double v : (double[]) party[1]) {
                input.withArray("column").add(v);
            }
            JSON.readTree(RUNNER.run(share, input.toString())).get("shares")
                    .forEach(s -> toNode.get(s.get("node").asInt()).add(s));
        }
        ObjectNode recipient = agreed();
        for (int node = 0; node < 2; node++) {
            ObjectNode input = agreed().put("node", node);
            toNode.get(node).forEach(input.withArray("shares")::add);
            recipient.withArray("partials").add(JSON.readTree(RUNNER.run(sum, input.toString())).get("partial"));
        }
        JsonNode statistics = JSON.readTree(RUNNER.run(result, recipient.toString()));

        double mean = (12.5 - 3.25 + 7.0 + 1000.125 - 40.0 + 2.5) / 6;
        assertThat(statistics.get("count").asLong()).isEqualTo(6);
        assertThat(statistics.get("mean").asDouble()).isCloseTo(mean, offset(1e-9));
        assertThat(toNode.get(0)).as("a node's view: one share of each party, no value").hasSize(2)
                .allSatisfy(s -> assertThat(s.toString()).doesNotContain("12.5", "1000.125"));
    }

    @Test
    void aRefusedInputFailsTheRunWithTheOpsReason() throws Exception {
        Path share = opPackage("stats-share");

        assertThatThrownBy(() -> RUNNER.run(share, agreed().put("party", "bank-a").put("column", "none").toString()))
                .isInstanceOf(OpRunner.OpFailed.class).hasMessageContaining("'column' must be an array")
                .hasMessageNotContaining("Exception");
    }

    @Test
    void aPsiRunPassesFromTheRequestersBlindingThroughTheResponderToTheIntersectionAsOpProcesses() throws Exception {
        Path request = opPackage("psi-request");
        Path respond = opPackage("psi-respond");
        ObjectNode blind = JSON.createObjectNode().put("step", "blind").put("run", "run-1");
        List.of("ann@example.org", "bob@example.org", "cy@example.org", "ann@example.org").forEach(blind.putArray("items")::add);
        blind.putObject("terms").put("revealSizeToResponder", true);

        JsonNode blinded = JSON.readTree(RUNNER.run(request, blind.toString()));
        ObjectNode answerInput = JSON.createObjectNode().put("run", "run-1");
        List.of("cy@example.org", "dee@example.org", "ann@example.org").forEach(answerInput.putArray("items")::add);
        answerInput.putObject("terms").put("revealSizeToResponder", true);
        answerInput.set("query", blinded.get("query"));
        JsonNode answer = JSON.readTree(RUNNER.run(respond, answerInput.toString()));
        ObjectNode finish = JSON.createObjectNode().put("step", "finish").put("run", "run-1");
        finish.set("state", blinded.get("state"));
        finish.set("answer", answer.get("answer"));
        JsonNode result = JSON.readTree(RUNNER.run(request, finish.toString()));

        assertThat(result.get("intersection")).extracting(JsonNode::asText).containsExactly("ann@example.org", "cy@example.org");
        assertThat(result.get("forResponder").get("size").asInt()).isEqualTo(2);
        assertThat(answer.toString()).as("the responder's view").doesNotContain("example.org");
        assertThatThrownBy(() -> RUNNER.run(request, finish.put("run", "run-2").toString()))
                .isInstanceOf(OpRunner.OpFailed.class).hasMessageEndingWith("the state belongs to run run-1, not run-2");
    }

    @Test
    void paillierOutsourcingPassesFromTheKeyHolderThroughAnOwnerAndTheThirdNodeBackToTheKeyHolder() throws Exception {
        Path keyholder = opPackage("paillier-keyholder");
        JsonNode keys = JSON.readTree(RUNNER.run(keyholder, "{\"step\":\"keygen\",\"run\":\"run-1\"}"));
        ObjectNode encrypt = JSON.createObjectNode().put("owner", "bank-a");
        encrypt.set("publicKey", keys.get("publicKey"));
        encrypt.putArray("column").add(12.5).add(-3.25).add("7");
        JsonNode values = JSON.readTree(RUNNER.run(opPackage("paillier-encrypt"), encrypt.toString())).get("values");
        ObjectNode sum = JSON.createObjectNode();
        sum.set("publicKey", keys.get("publicKey"));
        sum.putArray("values").add(values);
        JsonNode aggregate = JSON.readTree(RUNNER.run(opPackage("paillier-sum"), sum.toString())).get("aggregate");
        ObjectNode decrypt = JSON.createObjectNode().put("step", "decrypt").put("run", "run-1");
        decrypt.set("state", keys.get("state"));
        decrypt.set("aggregate", aggregate);

        JsonNode result = JSON.readTree(RUNNER.run(keyholder, decrypt.toString()));

        assertThat(result.get("sum").asText()).isEqualTo("16.25");
        assertThat(result.get("count").asInt()).isEqualTo(3);
        assertThat(values.toString()).as("the third node's view").doesNotContain("12.5");
    }

    @Test
    void aFederatedRoundPassesBetweenThreeDevicesAndTheVendorAsOpProcesses() throws Exception {
        Path edge = opPackage("edge-train");
        Path fedAvg = opPackage("fed-avg");
        ObjectNode open = step("open", null).put("round", 1).put("users", 3);
        open.putObject("model").putArray("weights").add(0.0).add(0.0).add(0.0);
        open.putObject("training").put("epochs", 1).put("learningRate", 0.1).put("decay", 0.0).put("l2", 0.0);
        JsonNode opened = JSON.readTree(RUNNER.run(fedAvg, open.toString()));
        List<Integer> users = List.of(1, 2, 3);
        java.util.Map<Integer, JsonNode> kept = new java.util.HashMap<>();

        ObjectNode roster = step("roster", opened.get("state"));
        for (int user : users) {
            JsonNode out = JSON.readTree(RUNNER.run(edge, step("advertise", null).put("user", user).set("config", opened.get("config")).toString()));
            roster.withArray("advertisements").add(out.get("advertisement"));
            kept.put(user, out.get("state"));
        }
        JsonNode rostered = JSON.readTree(RUNNER.run(fedAvg, roster.toString()));
        ObjectNode deliver = step("deliver", rostered.get("state"));
        for (int user : users) {
            JsonNode out = JSON.readTree(RUNNER.run(edge, step("share", kept.get(user)).set("roster", rostered.get("roster")).toString()));
            deliver.withArray("sealedShares").add(out.get("sealedShares"));
            kept.put(user, out.get("state"));
        }
        JsonNode delivered = JSON.readTree(RUNNER.run(fedAvg, deliver.toString()));
        ObjectNode unmask = step("unmask", delivered.get("state"));
        for (JsonNode delivery : delivered.get("deliveries")) {
            int user = delivery.get("to").asInt();
            ObjectNode mask = step("mask", kept.get(user));
            mask.set("delivery", delivery);
            mask.putObject("model").putArray("weights").add(0.0).add(0.0).add(0.0);
            ObjectNode data = mask.putObject("data");
            data.putArray("features").addArray().add(1.0).add(-0.5 * user);
            data.putArray("labels").add(user % 2);
            JsonNode out = JSON.readTree(RUNNER.run(edge, mask.toString()));
            unmask.withArray("maskedInputs").add(out.get("maskedInput"));
            kept.put(user, out.get("state"));
        }
        JsonNode requested = JSON.readTree(RUNNER.run(fedAvg, unmask.toString()));
        ObjectNode aggregate = step("aggregate", requested.get("state"));
        for (int user : users) {
            aggregate.withArray("unmaskResponses").add(JSON.readTree(RUNNER.run(edge,
                    step("unmask", kept.get(user)).set("unmaskRequest", requested.get("unmaskRequest")).toString())).get("unmaskResponse"));
        }

        JsonNode result = JSON.readTree(RUNNER.run(fedAvg, aggregate.toString()));

        assertThat(result.get("contributors")).extracting(JsonNode::asInt).containsExactly(1, 2, 3);
        assertThat(result.get("samples").asInt()).isEqualTo(3);
        assertThat(result.get("model").get("weights")).hasSize(3).anySatisfy(w -> assertThat(w.asDouble()).isNotZero());
        // refused after training, once Smile has loaded: its logging must not reach stderr
        assertThatThrownBy(() -> RUNNER.run(edge, maskAgain(kept.get(1), delivered.get("deliveries").get(0))))
                .isInstanceOf(OpRunner.OpFailed.class).hasMessageEndingWith(": user 1 is at MASKED, not SHARED")
                .hasMessageNotContaining("SLF4J");
    }

    private static String maskAgain(JsonNode state, JsonNode delivery) {
        ObjectNode mask = step("mask", state);
        mask.set("delivery", delivery);
        mask.putObject("model").putArray("weights").add(0.0).add(0.0).add(0.0);
        mask.putObject("data").putArray("features").addArray().add(1.0).add(2.0);
        mask.withObject("data").putArray("labels").add(1);
        return mask.toString();
    }

    private static ObjectNode step(String step, JsonNode state) {
        ObjectNode input = JSON.createObjectNode().put("step", step).put("run", "run-1");
        if (state != null) {
            input.set("state", state);
        }
        return input;
    }

    private static ObjectNode agreed() {
        return JSON.createObjectNode().put("computeNodes", 2).put("parties", 2);
    }

    /**
     * An op package as the privacy module's build writes it ({@code op.jar} naming the main class, its
     * classpath under {@code lib/}, the kept libraries named by hash), copied elsewhere and completed
     * with the libraries as a node does: a package that reached outside its own directory would fail here.
     */
    private Path opPackage(String op) throws IOException {
        Path built = OP_PACKAGES.resolve(op);
        assertThat(built.resolve("op.jar")).as("op package %s: build services/shared/privacy first", op).isRegularFile();
        Path dir = scratch.resolve(op);
        try (Stream<Path> files = Files.walk(built)) {
            for (Path file : files.toList()) {
                Files.copy(file, dir.resolve(built.relativize(file).toString()));
            }
        }
        LIBRARIES.provide(dir);
        return dir;
    }
}
