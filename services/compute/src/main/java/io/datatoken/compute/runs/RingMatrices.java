package io.datatoken.compute.runs;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Matrices over the ring Z_(2^64) as ops and nodes exchange them: JSON arrays of rows of integers
 * in [0, 2^64). Parsing checks the shape and range, so nothing malformed reaches an op or a sum.
 */
public final class RingMatrices {

    private static final BigInteger RING = BigInteger.ONE.shiftLeft(64);

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

    /** Each matrix of the array under {@code key} of an op's output, checked, as compact JSON. */
    public static List<String> listFromOutput(String output, String key) {
        List<String> matrices = new ArrayList<>();
        for (JsonValue m : member(output, key).asJsonArray()) {
            check(m);
            matrices.add(m.toString());
        }
        return matrices;
    }

    /** The matrix under {@code key} of an op's output, checked, as compact JSON. */
    public static String fromOutput(String output, String key) {
        JsonValue matrix = member(output, key);
        check(matrix);
        return matrix.toString();
    }

    private static JsonValue member(String output, String key) {
        JsonObject object;
        try (JsonReader reader = Json.createReader(new StringReader(output))) {
            object = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new IllegalArgumentException("the op's output is not a JSON object: " + e.getMessage(), e);
        }
        JsonValue value = object.get(key);
        if (value == null || value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new IllegalArgumentException("the op's output has no array '" + key + "'");
        }
        return value;
    }

    /** The matrix of a payload, as 64-bit words (two's complement of the ring element). */
    public static long[][] parse(String payload) {
        JsonValue value;
        try (JsonReader reader = Json.createReader(new StringReader(payload))) {
            value = reader.readValue();
        } catch (JsonException | IllegalStateException e) {
            throw new IllegalArgumentException("the payload is not JSON: " + e.getMessage(), e);
        }
        check(value);
        JsonArray rows = value.asJsonArray();
        long[][] matrix = new long[rows.size()][];
        for (int r = 0; r < rows.size(); r++) {
            JsonArray row = rows.getJsonArray(r);
            matrix[r] = new long[row.size()];
            for (int c = 0; c < row.size(); c++) {
                matrix[r][c] = row.getJsonNumber(c).bigIntegerValueExact().longValue();
            }
        }
        return matrix;
    }

    private static void check(JsonValue value) {
        if (value.getValueType() != JsonValue.ValueType.ARRAY || value.asJsonArray().isEmpty()) {
            throw new IllegalArgumentException("a matrix is a non-empty array of rows");
        }
        int columns = -1;
        for (JsonValue row : value.asJsonArray()) {
            if (row.getValueType() != JsonValue.ValueType.ARRAY || row.asJsonArray().isEmpty()) {
                throw new IllegalArgumentException("every row of a matrix is a non-empty array");
            }
            if (columns >= 0 && row.asJsonArray().size() != columns) {
                throw new IllegalArgumentException("the rows of a matrix have different lengths");
            }
            columns = row.asJsonArray().size();
            for (JsonValue cell : row.asJsonArray()) {
                if (cell.getValueType() != JsonValue.ValueType.NUMBER || !((JsonNumber) cell).isIntegral()) {
                    throw new IllegalArgumentException("a ring matrix holds integers only");
                }
                BigInteger n = ((JsonNumber) cell).bigIntegerValue();
                if (n.signum() < 0 || n.compareTo(RING) >= 0) {
                    throw new IllegalArgumentException("a ring element is in [0, 2^64), not " + n);
                }
            }
        }
    }
}
