package io.datatoken.tracer.lineage;

import io.datatoken.tracer.workflow.Edge;
import io.datatoken.tracer.workflow.EdgeOp;
import java.util.List;
import java.util.Map;

/**
 * A DT's lineage one way, to a depth: the DTs reached and the edges walked (a DAG: a DT reached
 * along several paths appears once, at its shortest level), and for the upward walk the jobs whose
 * algorithm is the DT or one of the compositions above it, and per edge the op the parent applies (from
 * its document on IPFS, not the chain: added by {@link #withOps}).
 *
 * @param direction down or up
 * @param truncated whether edges go on beyond the depth
 */
public record LineageView(String dt, String direction, int depth, boolean truncated, TokenView token,
                          List<TokenView> tokens, List<EdgeView> edges, List<JobView> jobs) {

    public LineageView {
        tokens = List.copyOf(tokens);
        edges = List.copyOf(edges);
        jobs = List.copyOf(jobs);
    }

    /** The same lineage with each edge's op (an edge missing from the map keeps none). */
    public LineageView withOps(Map<Edge, EdgeOp> ops) {
        return new LineageView(dt, direction, depth, truncated, token, tokens, edges.stream()
                .map(e -> new EdgeView(e.parent(), e.child(), e.level(), e.grant(), ops.get(e.edge()))).toList(), jobs);
    }
}
