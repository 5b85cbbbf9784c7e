package io.datatoken.tracer.lineage;

import java.util.List;

/**
 * A DT's lineage one way, to a depth: the DTs reached and the edges walked (a DAG: a DT reached
 * along several paths appears once, at its shortest level), and for the upward walk the jobs whose
 * algorithm is the DT or one of the compositions above it. The op each composition applies lives in
 * its DDO (IPFS), not on chain, so it is not part of this answer.
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
}
