package io.datatoken.portal.services;

import java.util.List;

/**
 * A DT's lineage one way, to a depth: the DTs reached (each once, at its shortest level) and the
 * edges walked; upward also the jobs that run the DT or a composition above it.
 *
 * @param direction down (what it is made of) or up (what is made of it)
 * @param truncated whether edges go on beyond the depth
 */
public record Lineage(String dt, String direction, int depth, boolean truncated, LineageToken token,
                      List<LineageToken> tokens, List<LineageEdge> edges, List<TracedJob> jobs) {

    public Lineage {
        tokens = tokens == null ? List.of() : List.copyOf(tokens);
        edges = edges == null ? List.of() : List.copyOf(edges);
        jobs = jobs == null ? List.of() : List.copyOf(jobs);
    }

    public boolean isUp() {
        return "up".equalsIgnoreCase(direction);
    }
}
