package io.datatoken.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Sample DDOs from the test resources, as bytes or as trees to break one field at a time. */
final class Documents {

    static final String DATA = "ddo-data.json";
    static final String COMPUTE = "ddo-compute.json";
    static final String ALGORITHM = "ddo-algorithm.json";

    static final String A = "0x" + "a".repeat(64);
    static final String D = "0x" + "d".repeat(64);
    static final String OP_1 = "0x" + "1".repeat(64);

    private Documents() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Documents.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode tree(String name) {
        try {
            return (ObjectNode) StrictJson.read(bytes(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(JsonNode tree) {
        try {
            return StrictJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode firstService(ObjectNode ddo) {
        return (ObjectNode) ddo.withArray("/services").get(0);
    }
}
