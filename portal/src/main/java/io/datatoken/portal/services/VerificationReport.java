package io.datatoken.portal.services;

import java.time.Instant;
import java.util.List;

/**
 * The verifier's report on a composition ({@code ReportView}): passed, or why denied — per child,
 * every rule of its terms the composition breaks, with the offending value.
 */
public record VerificationReport(String parent, String composer, Instant verifiedAt, boolean passed,
                                 List<Child> children) {

    public VerificationReport {
        children = children == null ? List.of() : List.copyOf(children);
    }

    /**
     * One child: the op the composition runs on it and the rules it breaks. A composition used as is
     * has no op ({@code null}) and {@code asIs} true: its own workflow runs unchanged.
     */
    public record Child(String child, String owner, String op, boolean asIs, boolean passed, List<Denial> denials) {

        public Child {
            denials = denials == null ? List.of() : List.copyOf(denials);
        }
    }

    /** A broken rule, the offending value, what the terms allow, and what to change. */
    public record Denial(String rule, String offending, String allowed, String reason) {
    }
}
