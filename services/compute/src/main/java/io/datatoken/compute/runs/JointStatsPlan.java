package io.datatoken.compute.runs;

import io.datatoken.domain.token.DataTokenId;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/**
 * Joint statistics as a composition plans them, read alike by every party: the children that share
 * their column (stats-share), the compute assets that add shares (stats-sum), both in document order,
 * and the fixed-point parameters from the workflow's configs ({@code scale_bits}, {@code value_bits},
 * {@code column}).
 */
public record JointStatsPlan(List<DataTokenId> sharers, List<DataTokenId> holders, int scaleBits, int valueBits,
                             int column) {

    static final String SHARE = "stats-share";
    static final String SUM = "stats-sum";

    public static JointStatsPlan of(JobPlans plans, JobPlans.Placement placement) {
        List<DataTokenId> holders = plans.childrenRunning(placement, SUM);
        if (holders.size() < 2) {
            throw new RunFailed("the composition " + placement.composition() + " gives " + holders.size()
                    + " compute asset(s) stats-sum; additive sharing needs at least 2, or one node sees a party's moments");
        }
        return new JointStatsPlan(plans.childrenRunning(placement, SHARE), holders,
                placement.wholeConfig("scale_bits", 16, 0, 32), placement.wholeConfig("value_bits", 20, 1, 52),
                placement.wholeConfig("column", 0, 0, 10_000));
    }

    /** The parameters every stats op takes, as the parties agreed them. */
    public JsonObjectBuilder agreed(JsonObjectBuilder input) {
        return input.add("computeNodes", holders.size()).add("parties", sharers.size()).add("scaleBits", scaleBits)
                .add("valueBits", valueBits);
    }
}
