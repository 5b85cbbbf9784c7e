package io.datatoken.domain.verification;

import java.util.Objects;

/**
 * Why a child may not be used as composed: the rule, the value that broke it and what the terms
 * allow, in words a person can act on.
 *
 * @param rule      the rule broken
 * @param offending the composition's value that broke it ({@code ""} when it is missing)
 * @param allowed   what the child's terms allow
 * @param reason    one sentence saying what to change
 */
public record Denial(TermsRule rule, String offending, String allowed, String reason) {

    public Denial {
        Objects.requireNonNull(rule, "rule");
        offending = offending == null ? "" : offending;
        allowed = allowed == null ? "" : allowed;
        Objects.requireNonNull(reason, "reason");
    }
}
