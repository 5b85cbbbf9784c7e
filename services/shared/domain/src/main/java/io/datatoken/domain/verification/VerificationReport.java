package io.datatoken.domain.verification;

import io.datatoken.domain.organization.OrganizationAlias;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The verdict on a composition: one per child, passed only if every child passes. */
public record VerificationReport(String parentDt, OrganizationAlias composer, Instant verifiedAt,
                                 List<ChildVerdict> children) {

    public VerificationReport {
        children = List.copyOf(children);
    }

    public boolean passed() {
        return !children.isEmpty() && children.stream().allMatch(ChildVerdict::passed);
    }

    public Optional<ChildVerdict> verdictOn(String childDt) {
        return children.stream().filter(c -> c.childDt().equals(childDt)).findFirst();
    }
}
