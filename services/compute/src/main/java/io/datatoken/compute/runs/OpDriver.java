package io.datatoken.compute.runs;

import io.datatoken.domain.token.DataTokenId;
import java.util.List;

/**
 * The node's glue for one trusted op, picked by the op's registered name: which inputs from other
 * nodes the run needs, how the op's input is built from the node's data and those inputs, and where
 * its output goes. The op's code itself always comes from the registry and runs in the sandbox.
 */
public interface OpDriver {

    String opName();

    /** The sending assets whose inputs have not arrived yet (empty: the run can start). */
    List<DataTokenId> missingInputs(RunContext run);

    /** Runs the op and delivers its output; the hash of what it produced goes into the receipt. */
    Outcome run(RunContext run);

    record Outcome(String resultHash, String detail) {
    }
}
