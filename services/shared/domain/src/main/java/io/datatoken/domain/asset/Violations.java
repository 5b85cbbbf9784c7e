package io.datatoken.domain.asset;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Collects violations while a DDO part is checked, so one rejection names every problem at once. */
final class Violations {

    private final List<Violation> found = new ArrayList<>();

    void add(String path, String message) {
        found.add(new Violation(path, message));
    }

    void requireHex32(String path, String value, String what) {
        if (value == null) {
            add(path, what + " is required");
        } else if (!Hex32.isWellFormed(value)) {
            add(path, what + " '" + value + "' " + Hex32.RULE);
        }
    }

    /** Null-safe copy of a list, reporting null elements instead of failing on them. */
    <T> List<T> copyOf(String path, List<T> list) {
        if (list == null) {
            return List.of();
        }
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == null) {
                add(path + "/" + i, "must not be null");
            }
        }
        return list.stream().filter(e -> e != null).toList();
    }

    /** Null-safe copy of a map, reporting null values instead of failing on them. */
    <V> Map<String, V> copyOf(String path, Map<String, V> map) {
        if (map == null) {
            return Map.of();
        }
        var copy = new java.util.HashMap<String, V>();
        map.forEach((key, value) -> {
            if (key == null || value == null) {
                add(path + "/" + pointerToken(String.valueOf(key)), "keys and values must not be null");
            } else {
                copy.put(key, value);
            }
        });
        return Map.copyOf(copy);
    }

    /** Runs the construction of a nested part, reporting its violations below {@code path}. */
    <T> T nested(String path, Supplier<T> part) {
        try {
            return part.get();
        } catch (InvalidDdo e) {
            found.addAll(e.under(path).violations());
            return null;
        }
    }

    void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidDdo(found);
        }
    }

    /** Escapes a map key as one JSON Pointer reference token (RFC 6901). */
    static String pointerToken(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
