package io.datatoken.tracer.index;

import java.util.Map;

/** An event's fields as a JSON object of strings, for the fields column (JSONB). */
final class JsonFields {

    private JsonFields() {
    }

    static String of(Map<String, String> fields) {
        StringBuilder json = new StringBuilder("{");
        fields.forEach((name, value) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            string(json, name);
            json.append(':');
            string(json, value);
        });
        return json.append('}').toString();
    }

    private static void string(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                // jsonb refuses the NUL character outright; one in a string field must not stall the index.
                case '\0' -> json.append('\uFFFD');
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
