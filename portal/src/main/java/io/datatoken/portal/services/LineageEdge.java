package io.datatoken.portal.services;

/**
 * The parent is composed of the child.
 *
 * @param level the edge's distance from the DT asked about (1 for its own children or parents)
 * @param grant the last grant change of the edge; null while the child's owner has granted nothing
 * @param op    the op the parent applies to the child; null if the tracer did not say
 */
public record LineageEdge(String parent, String child, int level, GrantChange grant, EdgeOp op) {
}
