package io.datatoken.portal.services;

import java.util.Map;

/**
 * The op an edge's parent applies to its child, from the parent's verified document, or why it is
 * not known.
 *
 * @param status KNOWN, NOT_SET, PENDING, UNAVAILABLE, REJECTED or NO_DOCUMENT
 * @param params the workflow's configuration of the op, by key
 */
public record EdgeOp(String status, String opHash, String opName, String opVersion, Map<String, String> params,
                     String reason) {

    public EdgeOp {
        params = params == null ? Map.of() : Map.copyOf(params);
    }

    public boolean isKnown() {
        return "KNOWN".equals(status);
    }
}
