/**
 * Joint statistics (count, sum, mean, population and sample variance) of one numeric column whose
 * rows several parties hold, by additive secret sharing as in the S1 ops (ss-share, secure-sum):
 * each party shares its local count, sum and sum of squares among the compute nodes, each node adds
 * the shares it got, and the result recipient adds the nodes' partial sums into the totals. Fixed
 * point and overflow bounds are {@link io.datatoken.privacy.stats.StatsParameters}'; the parties
 * exchange the records of this package, there is no networking here.
 * {@code docs/privacy.md} states what each party learns.
 */
package io.datatoken.privacy.stats;
