package io.datatoken.tracer.workflow;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The op an edge's parent runs on its child, as its latest metadata event's document sets it, or why
 * it is not known.
 *
 * @param status    whether the op is known, and if not why
 * @param opHash    the op's hash; null unless {@link Status#KNOWN}
 * @param opName    its registered name; null unless known and its OpPublished event is indexed
 * @param opVersion its registered version; null like the name
 * @param params    the configuration of the workflow that sets it, by key (sorted); empty unless known
 * @param reason    why the document is unavailable or rejected; null otherwise
 */
public record EdgeOp(Status status, String opHash, String opName, String opVersion, Map<String, String> params,
                     String reason) {

    public enum Status {
        /** The document sets this op for the child. */
        KNOWN,
        /** The document was read and sets no op for this child. */
        NOT_SET,
        /** The document is not read yet. */
        PENDING,
        /** The content store could not give the document; it is tried again. */
        UNAVAILABLE,
        /** The document is no valid DDO or not the one its proof vouches for; never read again. */
        REJECTED,
        /** The index holds no metadata event of the parent that names a composition's document. */
        NO_DOCUMENT
    }

    public EdgeOp {
        Objects.requireNonNull(status, "status");
        params = params == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(params));
    }

    static EdgeOp known(String opHash, String opName, String opVersion, Map<String, String> params) {
        return new EdgeOp(Status.KNOWN, Objects.requireNonNull(opHash, "opHash"), opName, opVersion, params, null);
    }

    static EdgeOp unknown(Status status, String reason) {
        if (status == Status.KNOWN) {
            throw new IllegalArgumentException("a known op has its hash");
        }
        return new EdgeOp(status, null, null, null, Map.of(), reason);
    }
}
