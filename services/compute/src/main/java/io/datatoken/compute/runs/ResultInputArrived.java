package io.datatoken.compute.runs;

import io.datatoken.domain.market.Job;

/** A transfer to the job's algorithm arrived on its owner's node (a partial sum, a statistics partial). */
public record ResultInputArrived(Job job, RunInput.Kind kind) {
}
