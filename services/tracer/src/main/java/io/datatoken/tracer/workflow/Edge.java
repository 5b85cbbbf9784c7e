package io.datatoken.tracer.workflow;

import java.util.Locale;
import java.util.Objects;

/** The parent is composed of the child (both DT ids, kept in lower case as the index spells them). */
public record Edge(String parent, String child) {

    public Edge {
        parent = Objects.requireNonNull(parent, "parent").toLowerCase(Locale.ROOT);
        child = Objects.requireNonNull(child, "child").toLowerCase(Locale.ROOT);
    }
}
