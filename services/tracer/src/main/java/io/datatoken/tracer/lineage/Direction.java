package io.datatoken.tracer.lineage;

/** Which way a lineage walk goes from a DT. */
public enum Direction {
    /** To its children: what the DT is made of. */
    DOWN("parent", "child"),
    /** To its parents: the compositions made of it (and the jobs that run them). */
    UP("child", "parent");

    /** The lineage_edge column holding the DT walked from, and the one holding the DT reached. */
    final String from;
    final String to;

    Direction(String from, String to) {
        this.from = from;
        this.to = to;
    }
}
