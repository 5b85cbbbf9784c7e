package io.datatoken.compute.runs;

import io.datatoken.domain.token.DataTokenId;
import java.util.List;

/**
 * Paillier outsourcing as a composition plans it: the one key holder (paillier-keyholder, who learns
 * the aggregate), the data owners that encrypt a column (paillier-encrypt) and the one third-party
 * node that adds what it cannot read (paillier-sum), in document order; which column of each owner's
 * dataset (the workflow's {@code column}) and the key's size ({@code modulus_bits}).
 */
public record PaillierPlan(DataTokenId keyHolder, List<DataTokenId> owners, DataTokenId adder, int column,
                           int modulusBits) {

    static final String KEY_HOLDER = "paillier-keyholder";
    static final String ENCRYPT = "paillier-encrypt";
    static final String SUM = "paillier-sum";

    public static PaillierPlan of(JobPlans plans, JobPlans.Placement placement) {
        List<DataTokenId> owners = plans.childrenRunning(placement, ENCRYPT);
        if (owners.isEmpty()) {
            throw new RunFailed("the composition " + placement.composition() + " gives no asset " + ENCRYPT
                    + ": nothing to add");
        }
        return new PaillierPlan(one(plans, placement, KEY_HOLDER), owners, one(plans, placement, SUM),
                placement.wholeConfig("column", 0, 0, 10_000), placement.wholeConfig("modulus_bits", 2048, 1024, 4096));
    }

    private static DataTokenId one(JobPlans plans, JobPlans.Placement placement, String op) {
        List<DataTokenId> assets = plans.childrenRunning(placement, op);
        if (assets.size() != 1) {
            throw new RunFailed("the composition " + placement.composition() + " gives " + assets.size() + " assets "
                    + op + "; Paillier outsourcing has exactly one");
        }
        return assets.get(0);
    }
}
