package io.datatoken.domain.organization;

import java.util.Objects;

/**
 * The identity provider refused a change (for example {@code OrganizationExists}); retrying the
 * same change is refused again. {@link #reason()} is stable, the message is for people.
 */
public class DirectoryRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String reason;

    public DirectoryRefusal(String reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public String reason() {
        return reason;
    }
}
