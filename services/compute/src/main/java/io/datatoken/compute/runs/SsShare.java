package io.datatoken.compute.runs;

import io.datatoken.compute.datasets.DatasetBindings;
import io.datatoken.domain.token.DataTokenId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * {@code ss-share} on a data owner's node: Z_i = X_i W_i from the dataset and private weights bound
 * to the asset, split by the op into one additive share per compute asset of the composition that
 * runs {@code secure-sum}; each share goes to that asset's node. Only shares leave the node.
 */
@ApplicationScoped
public class SsShare implements OpDriver {

    static final String NAME = "ss-share";

    @Inject
    JobPlans plans;

    @Inject
    DatasetBindings datasets;

    @Inject
    OpCalls ops;

    @Inject
    Deliveries deliveries;

    @Override
    public String opName() {
        return NAME;
    }

    @Override
    public List<DataTokenId> missingInputs(RunContext run) {
        return List.of();
    }

    @Override
    public Outcome run(RunContext run) {
        List<DataTokenId> holders = plans.childrenRunning(run.placement(), SecureSum.NAME);
        if (holders.size() < 2) {
            throw new RunFailed("the composition " + run.placement().composition() + " gives " + holders.size()
                    + " compute asset(s) secure-sum; additive sharing needs at least 2, or one node sees Z_i");
        }
        double[][] x = datasets.datasetOf(run.dt()).orElseThrow(() -> new RunFailed("no dataset is bound to " + run.dt()
                + " on this node: bind one with POST /v1/datasets"));
        double[][] w = datasets.weightsOf(run.dt()).orElseThrow(() -> new RunFailed("no private weights W are bound "
                + "with the dataset of " + run.dt() + ": bind them with POST /v1/datasets (field 'weights')"));
        int scaleBits = scaleBits(run);
        String input = "{\"x\":" + RingMatrices.json(x) + ",\"w\":" + RingMatrices.json(w) + ",\"parties\":"
                + holders.size() + ",\"scale_bits\":" + scaleBits + "}";
        String output = ops.text(run, input);
        List<String> shares;
        try {
            shares = RingMatrices.listFromOutput(output, "shares");
        } catch (IllegalArgumentException e) {
            throw new RunFailed("ss-share wrote malformed shares: " + e.getMessage(), e);
        }
        if (shares.size() != holders.size()) {
            throw new RunFailed("ss-share wrote " + shares.size() + " shares for " + holders.size() + " compute assets");
        }
        for (int k = 0; k < holders.size(); k++) {
            deliveries.deliver(run.jobId(), run.dt(), holders.get(k), RunInput.Kind.SHARE, shares.get(k));
        }
        return new Outcome(Transfer.sha256(String.join("\n", shares)),
                "sent one share of Z_i (" + x.length + " x " + w[0].length + ") to each of " + holders.size()
                        + " compute assets");
    }

    /** Fixed-point fractional bits, from the workflow's configs ({@code scale_bits}), 16 by default. */
    static int scaleBits(RunContext run) {
        try {
            int bits = Integer.parseInt(run.placement().config("scale_bits", "16"));
            if (bits < 0 || bits > 32) {
                throw new NumberFormatException();
            }
            return bits;
        } catch (NumberFormatException e) {
            throw new RunFailed("the workflow's scale_bits must be a whole number from 0 to 32");
        }
    }
}
