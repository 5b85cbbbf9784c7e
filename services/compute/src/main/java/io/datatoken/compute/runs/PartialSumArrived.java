package io.datatoken.compute.runs;

import io.datatoken.domain.market.Job;

/** A compute node's partial sum for the job reached this node (the algorithm owner's). */
public record PartialSumArrived(Job job) {
}
