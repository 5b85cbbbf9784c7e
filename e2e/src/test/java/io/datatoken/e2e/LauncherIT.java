package io.datatoken.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's contract, against the running test instance and a second one that cannot start. */
class LauncherIT {

    private static final Path REPOSITORY = Path.of(System.getProperty("datatoken.repository", "..")).toAbsolutePath();

    @TempDir
    Path scratch;

    @Test
    void status_reports_every_component_healthy_as_json_with_exit_code_zero() throws Exception {
        var run = launcher(runningInstance(), "status", "--json");

        assertThat(run.exitCode()).as(run.output()).isZero();
        JsonNode status = Stack.JSON.readTree(run.output());
        assertThat(status.get("components")).extracting(c -> c.get("name").asText())
                .containsExactly("postgres", "chain", "ipfs", "keycloak", "liberty",
                        "compute-bank-a", "compute-bank-b", "compute-fintech-c", "compute-vendor-a", "compute-medco-b",
                        "device-vendor-a-u1", "device-vendor-a-u2", "device-vendor-a-u3");
        status.get("components").forEach(c -> {
            assertThat(c.get("healthy").asBoolean()).as(c.toString()).isTrue();
            assertThat(c.get("pid").asLong()).as(c.toString()).isPositive();
        });
    }

    @Test
    void each_compute_node_is_a_process_of_its_own_at_the_url_stack_json_gives() throws Exception {
        JsonNode status = Stack.JSON.readTree(launcher(runningInstance(), "status", "--json").output());
        var pids = new java.util.HashSet<Long>();

        for (String organization : new String[] {"bank-a", "bank-b", "fintech-c"}) {
            JsonNode node = component(status, "compute-" + organization);
            assertThat(node.get("url").asText() + "/compute/api").isEqualTo(Stack.current().computeNode(organization));
            pids.add(node.get("pid").asLong());
        }
        for (String user : new String[] {"u1", "u2", "u3"}) {
            JsonNode node = component(status, "device-vendor-a-" + user);
            assertThat(node.get("url").asText() + "/compute/api").isEqualTo(Stack.current().deviceNode("vendor-a", user));
            pids.add(node.get("pid").asLong());
        }
        pids.add(component(status, "liberty").get("pid").asLong());

        assertThat(pids).as("every node a process of its own").hasSize(7);
    }

    private static JsonNode component(JsonNode status, String name) {
        for (JsonNode c : status.get("components")) {
            if (c.get("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no component " + name + " in " + status);
    }

    @Test
    void a_second_up_leaves_the_running_stack_as_it_is() throws Exception {
        var before = Stack.JSON.readTree(launcher(runningInstance(), "status", "--json").output());

        var run = launcher(runningInstance(), "up");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("liberty already running", "keycloak already running",
                "compute-bank-a already running", "compute-fintech-c already running");
        var after = Stack.JSON.readTree(launcher(runningInstance(), "status", "--json").output());
        assertThat(after.get("components")).isEqualTo(before.get("components"));
    }

    @Test
    void a_component_that_cannot_start_is_named_with_its_reason_and_log_and_nothing_stays_running()
            throws Exception {
        // Same ports as the running test instance: PostgreSQL, the first component, finds its port taken.
        Map<String, String> clashing = Map.of("DATATOKEN_HOME", scratch.resolve("clash").toString(),
                "DATATOKEN_PORT_OFFSET", runningInstance().get("DATATOKEN_PORT_OFFSET"),
                "DATATOKEN_BUILD", "never");

        var run = launcher(clashing, "up");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output()).contains("postgres failed to start", "is in use by another process",
                scratch.resolve("clash").resolve("logs").resolve("postgres.log").toString());
        var status = launcher(clashing, "status", "--json");
        assertThat(status.exitCode()).isNotZero();
        Stack.JSON.readTree(status.output()).get("components")
                .forEach(c -> assertThat(c.get("pid").isNull()).as(c.toString()).isTrue());
    }

    @Test
    void the_assets_demo_registers_scenario_s1_refuses_a_tampered_ddo_and_can_run_again() throws Exception {
        var first = launcher(runningInstance(), "demo", "assets");

        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(first.output()).contains("A-data", "B-compute", "C-algorithm", "refused: 400 proof-mismatch",
                "unchanged on chain", "demo: done");
        var again = launcher(runningInstance(), "demo", "assets");
        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(again.output()).contains("C-algorithm  ALGORITHM  fintech-c  by carol  already registered");
    }

    @Test
    void an_unknown_command_is_refused_with_the_usage() throws Exception {
        var run = launcher(runningInstance(), "start");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output()).contains("unknown command 'start'", "Usage: ./datatoken");
    }

    private static Map<String, String> runningInstance() throws IOException {
        JsonNode stack = Stack.JSON.readTree(Files.readString(Path.of(System.getProperty("datatoken.stack"))));
        return Map.of("DATATOKEN_HOME", stack.get("instance").asText(),
                "DATATOKEN_PORT_OFFSET", System.getProperty("datatoken.port.offset", "100"),
                "DATATOKEN_BUILD", "never");
    }

    private Run launcher(Map<String, String> environment, String... arguments) throws Exception {
        var command = new java.util.ArrayList<String>();
        command.add(REPOSITORY.resolve("datatoken").toString());
        command.addAll(java.util.List.of(arguments));
        Path output = Files.createTempFile(scratch, "launcher", ".log");
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("./datatoken " + String.join(" ", arguments) + " did not finish");
        }
        return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    private record Run(int exitCode, String output) {
    }
}
