package io.datatoken.privacy.ops;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HexFormat;

/** Ring elements of Z_2^64 in JSON: 16 lower-case hex digits, unsigned, exact in any JSON reader. */
final class RingWords {

    private RingWords() {
    }

    static String word(long value) {
        return HexFormat.of().toHexDigits(value);
    }

    static long word(JsonNode value, String label) {
        String hex = value.asText("");
        if (!value.isTextual() || !hex.matches("[0-9a-f]{16}")) {
            throw new IllegalArgumentException("'" + label + "' must be a ring word: 16 lower-case hex digits");
        }
        return HexFormat.fromHexDigitsToLong(hex);
    }
}
