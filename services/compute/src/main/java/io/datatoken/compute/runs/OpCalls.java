package io.datatoken.compute.runs;

import io.datatoken.compute.ops.OpRunner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

/**
 * How every driver runs its party's op: the registry's code for the run's op hash (fetched, checked
 * and unpacked by {@link OpCode}), sandboxed by {@link OpRunner}; an op that fails or refuses fails
 * the run with its own one-line reason.
 */
@ApplicationScoped
public class OpCalls {

    @Inject
    OpCode code;

    @Inject
    OpRunner runner;

    /** The op's output for this input, as it wrote it. */
    String text(RunContext run, String input) {
        try {
            return runner.run(code.directoryOf(run.op()), input);
        } catch (OpRunner.OpFailed e) {
            throw new RunFailed(e.getMessage(), e);
        }
    }

    /** The output of a JSON op ({@code opName}, for the reason when it wrote anything but one object). */
    JsonObject json(RunContext run, String opName, String input) {
        return OpMessages.output(opName, text(run, input));
    }
}
