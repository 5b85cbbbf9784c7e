package io.datatoken.tracer.lineage;

import io.datatoken.tracer.workflow.Edge;
import io.datatoken.tracer.workflow.EdgeOp;

/**
 * The parent is composed of the child.
 *
 * @param level the edge's distance from the DT asked about (1 for its own children or parents)
 * @param grant the last grant change for this edge; null while the child's owner has granted nothing
 * @param op    the op the parent applies to the child, from the parent's verified document, or why it is
 *              not known (see {@link EdgeOp}); null until {@link LineageView#withOps} adds them
 */
public record EdgeView(String parent, String child, int level, GrantView grant, EdgeOp op) {

    public Edge edge() {
        return new Edge(parent, child);
    }
}
