package io.datatoken.tracer.workflow;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The op a composition's document runs on one of its children.
 *
 * @param params the configuration of the workflow that sets it, by key (sorted)
 */
public record ChildOp(String child, String opHash, Map<String, String> params) {

    public ChildOp {
        Objects.requireNonNull(child, "child");
        Objects.requireNonNull(opHash, "opHash");
        params = Collections.unmodifiableMap(new TreeMap<>(params));
    }
}
