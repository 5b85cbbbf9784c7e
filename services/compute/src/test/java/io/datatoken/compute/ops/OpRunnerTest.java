package io.datatoken.compute.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datatoken.compute.runs.RingMatrices;
import io.datatoken.domain.op.OpHash;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The S1 ops as the compute node runs them: real processes, real Python, real limits. */
class OpRunnerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path OPS = Path.of("../../dev/demo/ops").toAbsolutePath().normalize();
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
    private static final OpRunner RUNNER = new OpRunner(Path.of("/usr/bin/python3"), JAVA, Path.of("/usr/bin/prlimit"),
            Duration.ofSeconds(20), 512L * 1024 * 1024);
    /** A JAR op's limit: the JVM reserves its heap, metaspace and code cache up front. */
    private static final OpRunner JVM_RUNNER = new OpRunner(RUNNER.python(), JAVA, RUNNER.prlimit(),
            Duration.ofSeconds(20), 1024L * 1024 * 1024);

    @TempDir
    Path scratch;

    @Test
    void shares_of_two_banks_summed_by_two_compute_nodes_reconstruct_the_plaintext_sum() throws IOException {
        double[][] x1 = {{1.5, -2.0}, {0.25, 4.0}, {3.0, 1.0}};
        double[][] w1 = {{0.5, 1.0}, {-1.25, 2.0}};
        double[][] x2 = {{-1.0, 0.5}, {2.0, 2.0}, {0.0, -3.5}};
        double[][] w2 = {{2.0, 0.0}, {1.0, -0.75}};

        // As the nodes pass them on: each share and partial sum checked and re-written by RingMatrices.
        List<String> bankA = RingMatrices.listFromOutput(runText("ss-share", JSON.createObjectNode().putPOJO("x", x1)
                .putPOJO("w", w1).put("parties", 2)), "shares");
        List<String> bankB = RingMatrices.listFromOutput(runText("ss-share", JSON.createObjectNode().putPOJO("x", x2)
                .putPOJO("w", w2).put("parties", 2)), "shares");
        assertThat(bankA).hasSize(2).allSatisfy(share -> assertThat(share).startsWith("{\"rows\":3,\"cols\":2,\"data\":\""));
        long[][] node0 = RingMatrices.parse(RingMatrices.fromOutput(runText("secure-sum",
                "{\"shares\":[" + bankA.get(0) + "," + bankB.get(0) + "]}"), "sum"));
        long[][] node1 = RingMatrices.parse(RingMatrices.fromOutput(runText("secure-sum",
                "{\"shares\":[" + bankA.get(1) + "," + bankB.get(1) + "]}"), "sum"));

        double[][] expected = add(multiply(x1, w1), multiply(x2, w2));
        for (int r = 0; r < expected.length; r++) {
            for (int c = 0; c < expected[0].length; c++) {
                // long arithmetic wraps modulo 2^64: exactly the ring the shares live in
                double z = (node0[r][c] + node1[r][c]) / 65536.0;
                assertThat(z).as("Z[%d][%d]", r, c).isCloseTo(expected[r][c], offset(1e-4));
            }
        }
        // A single compute node's partial sum is not the answer (it is uniformly random).
        assertThat(node0[0][0] / 65536.0).isNotCloseTo(expected[0][0], offset(1e-3));
    }

    @Test
    void an_op_runs_with_an_empty_environment_and_no_shell() throws IOException {
        Path op = script("env_op.py", "import json, os, sys\njson.dump(sorted(os.environ), sys.stdout)\n");

        JsonNode environment = JSON.readTree(RUNNER.run(op, ""));

        // Python may add LC_CTYPE itself (locale coercion); nothing of the node's environment reaches the op.
        assertThat(environment).extracting(JsonNode::asText).contains("LANG").isSubsetOf("LANG", "LC_CTYPE");
    }

    @Test
    void a_failing_op_reports_its_error_and_a_runaway_op_is_stopped() throws IOException {
        assertThatThrownBy(() -> run("ss-share", JSON.createObjectNode().putPOJO("x", new int[][] {{1}})
                .putPOJO("w", new int[][] {{1, 2}, {3, 4}}).put("parties", 2)))
                .isInstanceOf(OpRunner.OpFailed.class).hasMessageContaining("inner dimensions");

        Path loop = script("loop.py", "while True:\n    pass\n");
        var quick = new OpRunner(RUNNER.python(), JAVA, RUNNER.prlimit(), Duration.ofSeconds(1), RUNNER.memoryBytes());
        assertThatThrownBy(() -> quick.run(loop, "")).isInstanceOf(OpRunner.OpFailed.class)
                .hasMessageContaining("longer than");

        Path hog = script("hog.py", "block = bytearray(1024 * 1024 * 1024)\n");
        assertThatThrownBy(() -> RUNNER.run(hog, "")).isInstanceOf(OpRunner.OpFailed.class)
                .hasMessageContaining("MemoryError");
    }

    @Test
    void a_jar_op_runs_on_the_jvm_within_the_limits_with_an_empty_environment() throws IOException {
        Path op = jarOp("SumOp", """
                public class SumOp {
                    public static void main(String[] args) throws Exception {
                        String input = new String(System.in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                        long sum = 0;
                        for (String n : input.replaceAll("[^0-9,]", "").split(",")) {
                            sum += n.isEmpty() ? 0 : Long.parseLong(n);
                        }
                        System.out.print("{\\"sum\\":" + sum + ",\\"environment\\":" + System.getenv().size()
                                + ",\\"heap\\":" + Runtime.getRuntime().maxMemory() + "}");
                    }
                }""");

        JsonNode result = JSON.readTree(JVM_RUNNER.run(op, "{\"values\": [1, 2, 39]}"));

        assertThat(result.get("sum").asLong()).isEqualTo(42);
        assertThat(result.get("environment").asInt()).as("LANG and the malloc arena bound only").isEqualTo(2);
        assertThat(result.get("heap").asLong()).isLessThanOrEqualTo(JVM_RUNNER.memoryBytes() / 4);
    }

    @Test
    void a_runaway_jar_op_is_stopped_and_a_failing_one_reports_its_error() throws IOException {
        Path loop = jarOp("LoopOp", "public class LoopOp { public static void main(String[] a) { while (true) { } } }");
        var quick = new OpRunner(RUNNER.python(), JAVA, RUNNER.prlimit(), Duration.ofSeconds(2), JVM_RUNNER.memoryBytes());
        assertThatThrownBy(() -> quick.run(loop, "")).isInstanceOf(OpRunner.OpFailed.class)
                .hasMessageContaining("longer than");

        Path failing = jarOp("FailOp", """
                public class FailOp {
                    public static void main(String[] a) { throw new IllegalArgumentException("no items to intersect"); }
                }""");
        assertThatThrownBy(() -> JVM_RUNNER.run(failing, "")).isInstanceOf(OpRunner.OpFailed.class)
                .hasMessageContaining("no items to intersect");
    }

    @Test
    void a_package_with_two_entries_is_refused() throws IOException {
        Path op = script("one.py", "print('{}')\n");
        Files.writeString(op.resolve("two.jar"), "not a jar");

        assertThatThrownBy(() -> RUNNER.run(op, "")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exactly one top-level .py or .jar file");
    }

    @Test
    void a_package_is_unpacked_only_if_it_hashes_to_the_registered_op() throws Exception {
        byte[] codePackage = tar(OPS.resolve("secure-sum"));
        Path into = scratch.resolve("unpacked");

        OpPackages.unpack(codePackage, OpHash.sha256Of(codePackage), into);

        assertThat(into.resolve("secure_sum.py")).hasSameTextualContentAs(OPS.resolve("secure-sum/secure_sum.py"));
        byte[] changed = codePackage.clone();
        changed[600] ^= 1;
        Path elsewhere = scratch.resolve("changed");
        assertThatThrownBy(() -> OpPackages.unpack(changed, OpHash.sha256Of(codePackage), elsewhere))
                .isInstanceOf(OpPackages.OpCodeMismatch.class).hasMessageContaining("was not run");
        assertThat(elsewhere).doesNotExist();
    }

    @Test
    void a_package_unpacks_into_a_directory_named_through_dot_dot() throws Exception {
        byte[] codePackage = tar(OPS.resolve("secure-sum"));
        Files.createDirectories(scratch.resolve("a"));
        Path into = scratch.resolve("a/../unpacked-via-dots");

        OpPackages.unpack(codePackage, OpHash.sha256Of(codePackage), into);

        assertThat(scratch.resolve("unpacked-via-dots/secure_sum.py")).exists();
    }

    private JsonNode run(String op, JsonNode input) throws IOException {
        return JSON.readTree(runText(op, input));
    }

    private String runText(String op, Object input) {
        return RUNNER.run(OPS.resolve(op), input.toString());
    }

    private Path script(String name, String code) throws IOException {
        Path dir = Files.createTempDirectory(scratch, "op");
        Files.writeString(dir.resolve(name), code);
        return dir;
    }

    /** An op package holding one JAR: the class compiled from the source, named as its Main-Class. */
    private Path jarOp(String mainClass, String source) throws IOException {
        Path sources = Files.createTempDirectory(scratch, "src");
        Files.writeString(sources.resolve(mainClass + ".java"), source);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertThat(compiler.run(null, null, null, "-d", sources.toString(),
                sources.resolve(mainClass + ".java").toString())).isZero();
        Path dir = Files.createTempDirectory(scratch, "op");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(dir.resolve("op.jar")), manifest)) {
            try (Stream<Path> classes = Files.list(sources)) {
                for (Path compiled : classes.filter(p -> p.toString().endsWith(".class")).toList()) {
                    jar.putNextEntry(new JarEntry(compiled.getFileName().toString()));
                    jar.write(Files.readAllBytes(compiled));
                    jar.closeEntry();
                }
            }
        }
        return dir;
    }

    private static byte[] tar(Path dir) throws Exception {
        Process tar = new ProcessBuilder("tar", "--format=ustar", "-cf", "-", "-C", dir.toString(), ".").start();
        byte[] bytes = tar.getInputStream().readAllBytes();
        assertThat(tar.waitFor()).isZero();
        return bytes;
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        double[][] z = new double[a.length][b[0].length];
        for (int r = 0; r < a.length; r++) {
            for (int c = 0; c < b[0].length; c++) {
                for (int k = 0; k < b.length; k++) {
                    z[r][c] += a[r][k] * b[k][c];
                }
            }
        }
        return z;
    }

    private static double[][] add(double[][] a, double[][] b) {
        double[][] z = new double[a.length][a[0].length];
        for (int r = 0; r < a.length; r++) {
            for (int c = 0; c < a[0].length; c++) {
                z[r][c] = a[r][c] + b[r][c];
            }
        }
        return z;
    }
}
