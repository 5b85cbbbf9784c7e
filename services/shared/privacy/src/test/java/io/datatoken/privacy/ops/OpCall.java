package io.datatoken.privacy.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/** One run of an op as its main runs it, in-process: JSON text in, exit status, stdout and stderr out. */
record OpCall(int status, String out, String err) {

    static OpCall of(Function<JsonNode, ObjectNode> op, JsonNode input) {
        return of(op, input.toString());
    }

    static OpCall of(Function<JsonNode, ObjectNode> op, String input) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status = OpIo.run(op, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new OpCall(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The output of a run that must succeed. */
    static ObjectNode ok(Function<JsonNode, ObjectNode> op, JsonNode input) {
        OpCall call = of(op, input);
        assertThat(call.err()).as("stderr").isEmpty();
        assertThat(call.status()).isZero();
        try {
            return (ObjectNode) OpIo.JSON.readTree(call.out());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The one-line reason of a run that must be refused (exit 1, nothing on stdout). */
    static String refusal(Function<JsonNode, ObjectNode> op, JsonNode input) {
        return refusal(op, input.toString());
    }

    static String refusal(Function<JsonNode, ObjectNode> op, String input) {
        OpCall call = of(op, input);
        assertThat(call.status()).as("exit status").isEqualTo(1);
        assertThat(call.out()).as("stdout of a refusal").isEmpty();
        assertThat(call.err()).as("one line").endsWith(System.lineSeparator()).hasLineCount(1).doesNotContain("\tat ");
        return call.err().strip();
    }
}
