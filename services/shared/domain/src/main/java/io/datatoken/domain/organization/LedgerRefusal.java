package io.datatoken.domain.organization;

import java.util.Objects;

/**
 * The ledger refused a change because a rule of the register forbids it (the organization
 * exists, the account is taken, the caller is not the operator, ...). {@link #reason()} is the
 * stable name of the rule, for example {@code OrganizationExists}; the message is for humans.
 * Retrying the same change will be refused again.
 */
public class LedgerRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String reason;

    public LedgerRefusal(String reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** The name of the rule that refused the change, e.g. {@code AccountTaken}. */
    public String reason() {
        return reason;
    }
}
