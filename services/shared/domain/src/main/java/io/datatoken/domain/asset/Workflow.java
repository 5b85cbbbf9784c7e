package io.datatoken.domain.asset;

import java.util.Map;

/**
 * How a composed asset uses its children: for each child Data Token the trusted op that will run
 * on it ({@code setOps}), plus free-form configuration handed to the ops.
 *
 * @param setOps  child dt → op hash
 * @param configs configuration key → value
 */
public record Workflow(Map<String, String> setOps, Map<String, String> configs) {

    public static final Workflow NONE = new Workflow(Map.of(), Map.of());

    public Workflow {
        Violations v = new Violations();
        setOps = v.copyOf("/setOps", setOps);
        configs = v.copyOf("/configs", configs);
        setOps.forEach((child, op) -> {
            String at = "/setOps/" + Violations.pointerToken(child);
            if (!Hex32.isWellFormed(child)) {
                v.add(at, "child dt '" + child + "' " + Hex32.RULE);
            }
            v.requireHex32(at, op, "op hash");
        });
        v.throwIfAny();
    }
}
