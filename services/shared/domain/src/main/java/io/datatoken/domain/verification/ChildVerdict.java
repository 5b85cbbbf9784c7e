package io.datatoken.domain.verification;

import io.datatoken.domain.organization.OrganizationAlias;
import java.util.List;

/**
 * The verdict on one child: the op the composition runs on it, or none when the child is a
 * composition used as is (its own workflow runs unchanged), and every rule it breaks (none when it
 * passes).
 *
 * @param opHash the op the composition's workflow names for the child, or {@code null} when it names none
 * @param asIs   whether the child is a composition used as is: no op of the parent's runs on it
 */
public record ChildVerdict(String childDt, OrganizationAlias owner, String opHash, boolean asIs, List<Denial> denials) {

    public ChildVerdict {
        if (asIs && opHash != null) {
            throw new IllegalArgumentException("a child used as is has no op of the composition's");
        }
        denials = List.copyOf(denials);
    }

    /** A child the composition runs an op on (or names none for, {@code opHash} null). */
    public ChildVerdict(String childDt, OrganizationAlias owner, String opHash, List<Denial> denials) {
        this(childDt, owner, opHash, false, denials);
    }

    /** A composition used as is, judged by the terms of the service that carries its own workflow. */
    public static ChildVerdict asIs(String childDt, OrganizationAlias owner, List<Denial> denials) {
        return new ChildVerdict(childDt, owner, null, true, denials);
    }

    public boolean passed() {
        return denials.isEmpty();
    }
}
