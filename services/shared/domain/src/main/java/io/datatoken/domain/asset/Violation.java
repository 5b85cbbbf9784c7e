package io.datatoken.domain.asset;

import java.util.Objects;

/**
 * One reason a DDO is rejected: where (a JSON Pointer into the document, {@code ""} for the whole
 * document) and what a person should change.
 */
public record Violation(String path, String message) {

    public Violation {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    /** The same violation seen from an enclosing document, where this one sits at {@code prefix}. */
    public Violation under(String prefix) {
        return new Violation(prefix + path, message);
    }

    @Override
    public String toString() {
        return (path.isEmpty() ? "(document)" : path) + ": " + message;
    }
}
