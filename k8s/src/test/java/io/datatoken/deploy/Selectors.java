package io.datatoken.deploy;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.Map;

/** Whether a label selector selects a set of labels, as Kubernetes decides it. */
final class Selectors {

    private Selectors() {
    }

    static boolean selects(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return true;
        }
        if (selector.getMatchLabels() != null) {
            for (Map.Entry<String, String> required : selector.getMatchLabels().entrySet()) {
                if (!required.getValue().equals(labels.get(required.getKey()))) {
                    return false;
                }
            }
        }
        if (selector.getMatchExpressions() != null) {
            for (LabelSelectorRequirement requirement : selector.getMatchExpressions()) {
                String value = labels.get(requirement.getKey());
                boolean met = switch (requirement.getOperator()) {
                    case "In" -> value != null && requirement.getValues().contains(value);
                    case "NotIn" -> value == null || !requirement.getValues().contains(value);
                    case "Exists" -> value != null;
                    case "DoesNotExist" -> value == null;
                    default -> throw new AssertionError("unknown selector operator " + requirement.getOperator());
                };
                if (!met) {
                    return false;
                }
            }
        }
        return true;
    }
}
