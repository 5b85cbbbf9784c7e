package io.datatoken.domain.organization;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The stable, human-readable key of an organization (the Keycloak organization alias),
 * for example {@code bank-a}. Lower-case letters, digits and inner hyphens, at most 63 characters.
 */
public record OrganizationAlias(String value) {

    private static final Pattern FORM = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

    public OrganizationAlias {
        Objects.requireNonNull(value, "organization alias");
        if (!FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("organization alias '" + value
                    + "' must be 1-63 lower-case letters, digits or inner hyphens");
        }
    }

    public static OrganizationAlias of(String value) {
        return new OrganizationAlias(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
