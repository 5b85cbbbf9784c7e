package io.datatoken.job.orchestration;

import java.util.List;
import java.util.Objects;

/** What a compute node made of an execution request. */
public sealed interface NodeAnswer {

    /** The node runs the op (or already accepted this job's request for the same asset and op). */
    record Accepted() implements NodeAnswer {
    }

    /**
     * The node will not run it; asking again will not change its mind.
     *
     * @param reasons the node's codes for every rule the request broke (may be empty, e.g. a 403)
     */
    record Refused(List<String> reasons, String detail) implements NodeAnswer {
        public Refused {
            reasons = List.copyOf(reasons);
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** The node could not be reached or could not decide now; a fresh request may succeed later. */
    record Unavailable(String error) implements NodeAnswer {
        public Unavailable {
            Objects.requireNonNull(error, "error");
        }
    }
}
