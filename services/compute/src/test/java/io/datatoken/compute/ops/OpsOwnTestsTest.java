package io.datatoken.compute.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The S1 ops' own Python tests (dev/demo/ops/test_ops.py: shares add up, shares look uniform,
 * secure sums reconstruct, bad shapes refused), run by the test command like every other test.
 */
class OpsOwnTestsTest {

    private static final Path OPS = Path.of("../../dev/demo/ops").toAbsolutePath().normalize();

    @TempDir
    Path scratch;

    @Test
    void the_ops_python_tests_pass() throws Exception {
        Path log = scratch.resolve("test_ops.log");
        Process process = new ProcessBuilder("/usr/bin/python3", "-B", OPS.resolve("test_ops.py").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = process.waitFor(5, TimeUnit.MINUTES);
        String output = Files.readString(log, StandardCharsets.UTF_8);
        if (!finished) {
            process.destroyForcibly();
        }
        assertThat(finished).as("the ops' tests finish within 5 minutes").isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("OK");
    }
}
