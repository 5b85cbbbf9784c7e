package io.datatoken.domain.asset;

import java.util.List;
import java.util.stream.Collectors;

/** The document is not a well-formed DDO; {@link #violations()} says every place and why. */
public final class InvalidDdo extends DdoRejected {

    private final transient List<Violation> violations;

    public InvalidDdo(List<Violation> violations) {
        super(describe(violations));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    /** The same violations seen from an enclosing document, where the rejected part sits at {@code prefix}. */
    public InvalidDdo under(String prefix) {
        return new InvalidDdo(violations.stream().map(v -> v.under(prefix)).toList());
    }

    private static String describe(List<Violation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an invalid DDO has at least one violation");
        }
        return "invalid DDO: " + violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
    }
}
