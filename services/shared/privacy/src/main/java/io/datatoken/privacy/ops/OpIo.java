package io.datatoken.privacy.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * The op protocol of the compute node's sandbox (as the S1 Python ops speak it): one JSON object on
 * stdin, one on stdout, exit 0; a refusal is one line on stderr and exit 1, never a stack trace.
 */
final class OpIo {

    static final ObjectMapper JSON = new ObjectMapper();

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
            out.print(JSON.writeValueAsString(op.apply(input)));
            out.flush();
            return 0;
        } catch (IOException | IllegalArgumentException | IllegalStateException refused) {
            err.println(refused.getMessage());
            return 1;
        }
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

    static JsonNode arrayField(JsonNode input, String name) {
        JsonNode value = input.path(name);
        if (!value.isArray()) {
            throw new IllegalArgumentException("'" + name + "' must be an array");
        }
        return value;
    }
}
