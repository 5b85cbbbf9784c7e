package io.datatoken.tracer.lineage;

/**
 * The parent is composed of the child.
 *
 * @param level the edge's distance from the DT asked about (1 for its own children or parents)
 * @param grant the last grant change for this edge; null while the child's owner has granted nothing
 */
public record EdgeView(String parent, String child, int level, GrantView grant) {
}
