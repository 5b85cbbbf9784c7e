package io.datatoken.compute.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The privacy module's joint-statistics ops as the compute node runs JVM ops: each packaged as an
 * op package holds them (a JAR naming the op's main class, with the module and its libraries beside
 * it), run as real processes under the node's sandbox; the parties' shares, the nodes' partial sums
 * and the recipient's statistics pass between the processes only as the ops' JSON.
 */
class JvmOpsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OpRunner RUNNER = new OpRunner(Path.of("/usr/bin/python3"),
            Path.of(System.getProperty("java.home"), "bin", "java"), Path.of("/usr/bin/prlimit"), Duration.ofSeconds(30),
            1024L * 1024 * 1024);

    @TempDir
    Path scratch;

    @Test
    void twoBanksStatisticsPassFromTheirSharesThroughTwoNodesToTheRecipientAsOpProcesses() throws Exception {
        Path share = opPackage("io.datatoken.privacy.ops.JointStatsShareOp");
        Path sum = opPackage("io.datatoken.privacy.ops.JointStatsSumOp");
        Path result = opPackage("io.datatoken.privacy.ops.JointStatsResultOp");
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
        Path share = opPackage("io.datatoken.privacy.ops.JointStatsShareOp");

        assertThatThrownBy(() -> RUNNER.run(share, agreed().put("party", "bank-a").put("column", "none").toString()))
                .isInstanceOf(OpRunner.OpFailed.class).hasMessageContaining("'column' must be an array")
                .hasMessageNotContaining("Exception");
    }

    private static ObjectNode agreed() {
        return JSON.createObjectNode().put("computeNodes", 2).put("parties", 2);
    }

    /** An op package: {@code op.jar} naming the main class, its classpath under {@code lib/}. */
    private Path opPackage(String mainClass) throws IOException, URISyntaxException, ClassNotFoundException {
        Path dir = Files.createTempDirectory(scratch, "op");
        Path lib = Files.createDirectories(dir.resolve("lib"));
        List<String> classPath = new ArrayList<>();
        for (Class<?> from : List.of(Class.forName(mainClass, false, getClass().getClassLoader()), ObjectMapper.class,
                JsonParser.class, JsonProperty.class)) {
            Path source = Path.of(from.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path target = lib.resolve(source.getFileName());
            if (Files.isDirectory(source)) {
                copyTree(source, target);
                classPath.add("lib/" + source.getFileName() + "/");
            } else {
                Files.copy(source, target);
                classPath.add("lib/" + source.getFileName());
            }
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", classPath));
        try (var jar = new JarOutputStream(Files.newOutputStream(dir.resolve("op.jar")), manifest)) {
            // the manifest is the whole entry: the code is the module's, beside it
        }
        return dir;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
