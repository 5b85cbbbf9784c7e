package io.datatoken.compute.runs;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Collection;

/**
 * The JSON the JVM ops and the node hand each other: an op's output, the messages it addresses to
 * another party (carried by a transfer as they are), the state it keeps between steps. The node
 * reads only the fields it routes; what is inside a message is the receiving op's to check.
 */
final class OpMessages {

    private OpMessages() {
    }

    /** @throws IllegalArgumentException if {@code json} is not one JSON object */
    static JsonObject requireObject(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new IllegalArgumentException("the payload is not a JSON object");
            }
            return value.asJsonObject();
        } catch (JsonException e) {
            throw new IllegalArgumentException("the payload is not JSON: " + e.getMessage(), e);
        }
    }

    /** The op's output as an object; a run fails if the op wrote anything else. */
    static JsonObject output(String opName, String output) {
        try {
            return requireObject(output);
        } catch (IllegalArgumentException e) {
            throw new RunFailed(opName + " wrote no JSON object: " + e.getMessage(), e);
        }
    }

    /** A member of the op's output that must be an object (a message, a state), as JSON text. */
    static String object(String opName, JsonObject output, String name) {
        JsonValue value = output.get(name);
        if (value == null || value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new RunFailed(opName + " wrote no '" + name + "' object");
        }
        return value.toString();
    }

    static JsonArrayBuilder strings(Collection<String> values) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        values.forEach(array::add);
        return array;
    }
}
