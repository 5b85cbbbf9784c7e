package io.datatoken.compute.runs;

import io.datatoken.compute.datasets.DatasetBindings;
import io.datatoken.domain.token.DataTokenId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * What both sides of an ECDH-PSI read alike: the other party (the one child of the composition
 * running the other op), the terms as the composition's workflow states them, and the party's list.
 */
@ApplicationScoped
public class PsiParties {

    /** The workflow parameter by which the composition lets the responder learn the intersection's size (1) or not (0). */
    static final String REVEAL_SIZE = "reveal_size";

    @Inject
    JobPlans plans;

    @Inject
    DatasetBindings datasets;

    @Inject
    RunBook book;

    /** The one child of the run's composition that runs {@code opName}: PSI is between two parties. */
    DataTokenId peer(RunContext run, String opName) {
        List<DataTokenId> peers = plans.childrenRunning(run.placement(), opName);
        if (peers.size() != 1) {
            throw new RunFailed("the composition " + run.placement().composition() + " gives " + peers.size()
                    + " assets " + opName + "; an ECDH-PSI is between one requester and one responder");
        }
        return peers.get(0);
    }

    /** Whether the terms the composition states let the responder learn the intersection's size. */
    static boolean revealSize(RunContext run) {
        return switch (run.placement().config(REVEAL_SIZE, "0").strip()) {
            case "0", "false" -> false;
            case "1", "true" -> true;
            default -> throw new RunFailed("the workflow's " + REVEAL_SIZE + " must be 0 or 1");
        };
    }

    /** The op's terms object, as both PSI ops read it. */
    static String terms(RunContext run) {
        return "{\"revealSizeToResponder\":" + revealSize(run) + "}";
    }

    /** The party's list of identifiers, bound on this node as {@value DatasetBindings#ITEMS}. */
    List<String> items(RunContext run) {
        try {
            return datasets.itemsOf(run.dt()).orElseThrow(() -> new RunFailed("no list of identifiers is bound to "
                    + run.dt() + " on this node: bind one with POST /v1/datasets (kind ITEMS)"));
        } catch (IllegalArgumentException e) {
            throw new RunFailed(e.getMessage(), e);
        }
    }

    /** The message of {@code kind} that {@code from} sent the run's asset, if it arrived. */
    Optional<String> arrived(RunContext run, DataTokenId from, RunInput.Kind kind) {
        return book.payload(run, from, kind);
    }
}
