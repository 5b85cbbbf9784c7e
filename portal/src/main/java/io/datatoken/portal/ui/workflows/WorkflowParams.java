package io.datatoken.portal.ui.workflows;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters a composition hands its workflow ({@code workflow.configs}: strings by name), one
 * {@code name = value} per line; blank lines and lines starting with {@code #} are skipped.
 */
final class WorkflowParams {

    static final int MAX_NAME = 64;

    private WorkflowParams() {
    }

    /** The parameters of every well-formed line, in order (a later line of the same name wins). */
    static Map<String, String> parse(String text) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String line : lines(text)) {
            int eq = line.indexOf('=');
            if (eq > 0 && isValidName(line.substring(0, eq).strip())) {
                params.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        return params;
    }

    /** The first line that is not {@code name = value}, 1-based, if any. */
    static Optional<Integer> firstMalformedLine(String text) {
        String[] lines = text == null ? new String[0] : text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0 || !isValidName(line.substring(0, eq).strip())) {
                return Optional.of(i + 1);
            }
        }
        return Optional.empty();
    }

    static boolean isValid(String text) {
        return firstMalformedLine(text).isEmpty();
    }

    /** Letters, digits, {@code _ . -}, starting with a letter: what the ops read (scale_bits, recipient). */
    static boolean isValidName(String name) {
        return name.length() <= MAX_NAME && name.matches("[A-Za-z][A-Za-z0-9_.-]*");
    }

    private static Iterable<String> lines(String text) {
        if (text == null) {
            return java.util.List.of();
        }
        return text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }
}
