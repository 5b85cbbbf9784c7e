package io.datatoken.privacy.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Function;

/**
 * The op protocol of the compute node's sandbox (as the S1 Python ops speak it): one JSON object on
 * stdin, one on stdout, exit 0; a refusal is one line on stderr and exit 1, never a stack trace.
 */
final class OpIo {

    static final ObjectMapper JSON = new ObjectMapper();

    /** The most a node reads of an op's output (the compute node's {@code OpRunner.MAX_OUTPUT_BYTES}). */
    static final int MAX_OUTPUT_BYTES = 16 * 1024 * 1024;

    private OpIo() {
    }

    /** Runs an op's main: reads stdin, writes the answer, exits 1 with the reason on bad input. */
    static void main(Function<JsonNode, ObjectNode> op, InputStream in, PrintStream out, PrintStream err) {
        int status = run(op, in, out, err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** What {@link #main} does, without exiting: 0, or 1 with the reason on {@code err}. */
    static int run(Function<JsonNode, ObjectNode> op, InputStream in, PrintStream out, PrintStream err) {
        try {
            JsonNode input = JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            if (input == null || !input.isObject()) {
                throw new IllegalArgumentException("the input is one JSON object");
            }
            byte[] output = JSON.writeValueAsBytes(op.apply(input));
            if (output.length > MAX_OUTPUT_BYTES) {
                // refused here, with a reason, rather than cut off by the node
                throw new IllegalArgumentException("the output would be " + output.length + " bytes, more than the "
                        + MAX_OUTPUT_BYTES + " an op may write: split the input over several runs");
            }
            out.write(output);
            out.flush();
            return 0;
        } catch (IOException | RuntimeException refused) {
            // a library's unexpected exception too: the node shows this line, a stack trace would bury it
            err.println(oneLine(refused.getMessage() == null ? refused.toString() : refused.getMessage()));
            return 1;
        } catch (OutOfMemoryError e) {
            err.println("the op ran out of memory (" + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                    + " MiB of heap): give it less input per run");
            return 1;
        }
    }

    private static String oneLine(String message) {
        return message.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    static int intField(JsonNode input, String name) {
        JsonNode value = input.path(name);
        if (!value.canConvertToInt()) {
            throw new IllegalArgumentException("'" + name + "' must be an integer");
        }
        return value.asInt();
    }

    static int intField(JsonNode input, String name, int fallback) {
        return input.has(name) ? intField(input, name) : fallback;
    }

    static String textField(JsonNode input, String name) {
        JsonNode value = input.path(name);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException("'" + name + "' must be a non-empty string");
        }
        return value.asText();
    }

    static boolean booleanField(JsonNode input, String name) {
        JsonNode value = input.path(name);
        if (!value.isBoolean()) {
            throw new IllegalArgumentException("'" + name + "' must be true or false");
        }
        return value.asBoolean();
    }

    static JsonNode objectField(JsonNode input, String name) {
        JsonNode value = input.path(name);
        if (!value.isObject()) {
            throw new IllegalArgumentException("'" + name + "' must be an object");
        }
        return value;
    }

    /** The base64 (RFC 4648, with padding) bytes of a string field. */
    static byte[] base64Field(JsonNode input, String name) {
        return base64(input.path(name), name);
    }

    /** The bytes of a base64 value, {@code label} naming it in a refusal. */
    static byte[] base64(JsonNode value, String label) {
        if (!value.isTextual()) {
            throw new IllegalArgumentException("'" + label + "' must be a base64 string");
        }
        try {
            return Base64.getDecoder().decode(value.asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + label + "' is not base64: " + e.getMessage());
        }
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** The op's step, one of {@code steps}. */
    static String step(JsonNode input, String... steps) {
        JsonNode value = input.path("step");
        for (String step : steps) {
            if (step.equals(value.asText(null))) {
                return step;
            }
        }
        throw new IllegalArgumentException("'step' must be one of " + String.join(", ", steps));
    }

    static JsonNode arrayField(JsonNode input, String name) {
        JsonNode value = input.path(name);
        if (!value.isArray()) {
            throw new IllegalArgumentException("'" + name + "' must be an array");
        }
        return value;
    }
}
