package io.datatoken.compute.runs;

import io.datatoken.domain.token.DataTokenId;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Objects;

/**
 * The node's glue for one trusted op, picked by the op's registered name: which inputs from other
 * nodes the run needs, how the op's input is built from the node's data and those inputs, and where
 * its output goes. The op's code itself always comes from the registry and runs in the sandbox.
 */
public interface OpDriver {

    String opName();

    /** The sending assets whose inputs for the run's current step have not arrived yet (empty: the step can run). */
    List<DataTokenId> missingInputs(RunContext run);

    /**
     * While inputs are missing: when to look again even if nothing arrives (a step that stops waiting
     * after a while, for parties that may drop out); empty, the default: only when an input arrives.
     */
    default Optional<Duration> recheckAfter(RunContext run) {
        return Optional.empty();
    }

    /**
     * Runs the op's current step and delivers its output. The last step's outcome carries the hash of
     * what the party produced, for its receipt; an earlier step's carries the party's state for the next.
     */
    Outcome run(RunContext run);

    /**
     * @param resultHash the hash for the receipt when the run is done, else null
     * @param nextState  the party's secret for its next step (kept sealed by the node, decision 0018), or null: done
     */
    record Outcome(String resultHash, String detail, String nextState) {

        public Outcome(String resultHash, String detail) {
            this(resultHash, detail, null);
        }

        /** This step ran; the run goes on with {@code state} once its next step's inputs are here. */
        public static Outcome continueWith(String state, String detail) {
            return new Outcome(null, detail, Objects.requireNonNull(state, "state"));
        }

        public boolean finished() {
            return nextState == null;
        }
    }
}
