package io.datatoken.domain.organization;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The key an organization gives one of its end users (scenario S2: a device vendor's users),
 * unique within that organization only, for example {@code u-0042}. Same form as an
 * {@link OrganizationAlias} but at most 32 characters, so that the ledger records it as text in
 * one 32-byte word, readable in any block explorer.
 */
public record EndUserId(String value) {

    public static final int MAX_LENGTH = 32;

    private static final Pattern FORM = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?");

    public EndUserId {
        Objects.requireNonNull(value, "end user id");
        if (!FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("end user id '" + value + "' must be 1-" + MAX_LENGTH
                    + " lower-case letters, digits or inner hyphens");
        }
    }

    public static EndUserId of(String value) {
        return new EndUserId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
