package io.datatoken.privacy.fl;

import java.util.SortedSet;
import java.util.TreeSet;

/** What fed-avg publishes about a round: the model after it, who contributed and how many rows in total. */
public record RoundReport(long round, GlobalModel model, SortedSet<Integer> contributors, long samples) {

    public RoundReport {
        contributors = new TreeSet<>(contributors);
    }
}
