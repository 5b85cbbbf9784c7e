package io.datatoken.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datatoken.domain.market.JobId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs {@code ./datatoken <arguments>} on the test instance, as a user of the stack would. */
final class Launcher {

    private static final Path REPOSITORY = Path.of(System.getProperty("datatoken.repository", "..")).toAbsolutePath();

    private Launcher() {
    }

    /** Its output, or a failure if it exits non-zero or takes more than 5 minutes; its log goes to {@code scratch}. */
    static String run(Path scratch, String... arguments) throws Exception {
        JsonNode description = Stack.JSON.readTree(Files.readString(Path.of(System.getProperty("datatoken.stack"))));
        Path log = Files.createTempFile(scratch, "launcher", ".log");
        var command = new ArrayList<>(List.of(REPOSITORY.resolve("datatoken").toString()));
        command.addAll(List.of(arguments));
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("DATATOKEN_HOME", description.get("instance").asText());
        builder.environment().put("DATATOKEN_PORT_OFFSET", System.getProperty("datatoken.port.offset", "100"));
        builder.environment().put("DATATOKEN_BUILD", "never");
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("./datatoken " + String.join(" ", arguments) + " did not finish in 5 minutes:\n"
                    + Files.readString(log));
        }
        String text = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(text).isZero();
        return text;
    }

    /** How a demo prints a job it submitted (dev/demo/steps.mjs). */
    private static final Pattern SUBMITTED = Pattern.compile("job {2}(0x[0-9a-f]{64}) SUBMITTED");

    /** {@code ./datatoken demo <name> [flags]}: its output and the jobs it submitted, in order (at least one). */
    static Demo demo(Path scratch, String name, String... flags) throws Exception {
        List<String> arguments = new ArrayList<>(List.of("demo", name));
        arguments.addAll(List.of(flags));
        String output = run(scratch, arguments.toArray(String[]::new));
        List<JobId> jobs = new ArrayList<>();
        Matcher submitted = SUBMITTED.matcher(output);
        while (submitted.find()) {
            jobs.add(JobId.of(submitted.group(1)));
        }
        assertThat(jobs).as(output).isNotEmpty();
        return new Demo(output, List.copyOf(jobs));
    }

    record Demo(String output, List<JobId> jobs) {

        JobId job() {
            return jobs.getFirst();
        }
    }
}
