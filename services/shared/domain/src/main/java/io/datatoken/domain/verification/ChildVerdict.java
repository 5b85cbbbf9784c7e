package io.datatoken.domain.verification;

import io.datatoken.domain.organization.OrganizationAlias;
import java.util.List;

/**
 * The verdict on one child: the op the composition runs on it and every rule it breaks (none
 * when it passes).
 */
public record ChildVerdict(String childDt, OrganizationAlias owner, String opHash, List<Denial> denials) {

    public ChildVerdict {
        denials = List.copyOf(denials);
    }

    public boolean passed() {
        return denials.isEmpty();
    }
}
