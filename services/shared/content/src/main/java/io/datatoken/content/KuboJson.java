package io.datatoken.content;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one string field from kubo's small, flat JSON answers ({"Key":"…","Size":n},
 * {"Message":"…","Code":0,"Type":"error"}). A JSON library is not worth a dependency for that;
 * CIDs and kubo's messages need no escape handling beyond {@code \"} and {@code \\}.
 */
final class KuboJson {

    private KuboJson() {
    }

    static Optional<String> string(String json, String field) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(field) + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
        return m.find() ? Optional.of(m.group(1).replace("\\\"", "\"").replace("\\\\", "\\")) : Optional.empty();
    }
}
