package io.datatoken.compute.runs;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * Matrices over the ring Z_(2^64) as ops and nodes exchange them (ring matrix v2): a JSON object
 * {@code {"rows": r, "cols": c, "data": "<standard padded base64 of r*c little-endian uint64, row
 * after row>"}} and nothing else. Parsing checks all of it, so nothing malformed reaches an op or a
 * sum; what a node sends on is re-written from the parsed values, so it is always the canonical text.
 */
public final class RingMatrices {

    /** Most elements in one matrix: 8 bytes each keeps the data and its base64 within an int. */
    static final long MAX_ELEMENTS = 1L << 27;

    private static final Set<String> MEMBERS = Set.of("rows", "cols", "data");

    private RingMatrices() {
    }

    /** A real matrix as an op's JSON input. */
    public static String json(double[][] matrix) {
        StringBuilder out = new StringBuilder("[");
        for (int r = 0; r < matrix.length; r++) {
            out.append(r == 0 ? "[" : ",[");
            for (int c = 0; c < matrix[r].length; c++) {
                if (c > 0) {
                    out.append(',');
                }
                out.append(matrix[r][c]);
            }
            out.append(']');
        }
        return out.append(']').toString();
    }

    /** A ring matrix as its canonical compact JSON text. */
    public static String json(long[][] matrix) {
        if (matrix.length == 0 || matrix[0].length == 0) {
            throw new IllegalArgumentException("a ring matrix has at least one row and one column");
        }
        int cols = matrix[0].length;
        ByteBuffer data = ByteBuffer.allocate(Math.multiplyExact(Math.multiplyExact(matrix.length, cols), Long.BYTES))
                .order(ByteOrder.LITTLE_ENDIAN);
        for (long[] row : matrix) {
            if (row.length != cols) {
                throw new IllegalArgumentException("the rows of a ring matrix have different lengths");
            }
            for (long v : row) {
                data.putLong(v);
            }
        }
        return text(matrix.length, cols, data.array());
    }

    /** Each matrix of the array under {@code key} of an op's output, checked, as canonical JSON. */
    public static List<String> listFromOutput(String output, String key) {
        JsonValue value = outputObject(output).get(key);
        if (value == null || value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new IllegalArgumentException("the op's output has no array '" + key + "'");
        }
        List<String> matrices = new ArrayList<>();
        for (JsonValue m : value.asJsonArray()) {
            matrices.add(canonical(m));
        }
        return matrices;
    }

    /** The matrix under {@code key} of an op's output, checked, as canonical JSON. */
    public static String fromOutput(String output, String key) {
        JsonValue value = outputObject(output).get(key);
        if (value == null) {
            throw new IllegalArgumentException("the op's output has no matrix '" + key + "'");
        }
        return canonical(value);
    }

    /** A payload's matrix, checked, as canonical JSON (what an op is given, whatever the sender's spelling). */
    public static String canonical(String payload) {
        return canonical(payloadValue(payload));
    }

    /** The matrix of a payload, as 64-bit words (two's complement of the ring element). */
    public static long[][] parse(String payload) {
        Checked m = check(payloadValue(payload));
        LongBuffer words = ByteBuffer.wrap(m.data()).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer();
        long[][] matrix = new long[m.rows()][m.cols()];
        for (long[] row : matrix) {
            words.get(row);
        }
        return matrix;
    }

    private static JsonValue payloadValue(String payload) {
        try (JsonReader reader = Json.createReader(new StringReader(payload))) {
            return reader.readValue();
        } catch (JsonException | IllegalStateException e) {
            throw new IllegalArgumentException("the payload is not JSON: " + e.getMessage(), e);
        }
    }

    private static JsonObject outputObject(String output) {
        try (JsonReader reader = Json.createReader(new StringReader(output))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new IllegalArgumentException("the op's output is not a JSON object: " + e.getMessage(), e);
        }
    }

    private static String canonical(JsonValue value) {
        Checked m = check(value);
        return text(m.rows(), m.cols(), m.data());
    }

    private static String text(int rows, int cols, byte[] data) {
        return "{\"rows\":" + rows + ",\"cols\":" + cols + ",\"data\":\"" + Base64.getEncoder().encodeToString(data) + "\"}";
    }

    private static Checked check(JsonValue value) {
        if (value.getValueType() != JsonValue.ValueType.OBJECT || !value.asJsonObject().keySet().equals(MEMBERS)) {
            throw new IllegalArgumentException("a ring matrix is an object of exactly \"rows\", \"cols\" and \"data\"");
        }
        JsonObject m = value.asJsonObject();
        long rows = dimension(m.get("rows"), "rows");
        long cols = dimension(m.get("cols"), "cols");
        if (rows * cols > MAX_ELEMENTS) {
            throw new IllegalArgumentException("a ring matrix has at most " + MAX_ELEMENTS + " elements, not " + rows + " x "
                    + cols);
        }
        int bytes = (int) (rows * cols * Long.BYTES);
        int characters = 4 * ((bytes + 2) / 3);
        if (m.get("data").getValueType() != JsonValue.ValueType.STRING) {
            throw new IllegalArgumentException("the data of a ring matrix is a base64 string");
        }
        String data = ((JsonString) m.get("data")).getString();
        if (data.length() != characters) {
            throw new IllegalArgumentException("the data of a " + rows + " x " + cols + " ring matrix is " + characters
                    + " characters of base64, not " + data.length());
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(data);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the data of a ring matrix is not base64: " + e.getMessage(), e);
        }
        // Exactly the expected bytes, written back to the same text: padded, no stray bits, one form only.
        if (decoded.length != bytes || !Base64.getEncoder().encodeToString(decoded).equals(data)) {
            throw new IllegalArgumentException("the data of a " + rows + " x " + cols + " ring matrix is not the standard "
                    + "padded base64 of " + bytes + " bytes");
        }
        return new Checked((int) rows, (int) cols, decoded);
    }

    private static long dimension(JsonValue value, String name) {
        if (value.getValueType() != JsonValue.ValueType.NUMBER || !((JsonNumber) value).isIntegral()) {
            throw new IllegalArgumentException("'" + name + "' of a ring matrix is a whole number");
        }
        BigInteger n = ((JsonNumber) value).bigIntegerValue();
        if (n.signum() <= 0) {
            throw new IllegalArgumentException("'" + name + "' of a ring matrix is at least 1, not " + n);
        }
        if (n.compareTo(BigInteger.valueOf(MAX_ELEMENTS)) > 0) {
            throw new IllegalArgumentException("a ring matrix has at most " + MAX_ELEMENTS + " elements, not " + n + " "
                    + name);
        }
        return n.longValue();
    }

    private record Checked(int rows, int cols, byte[] data) {
    }
}
