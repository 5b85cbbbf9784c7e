package io.datatoken.domain.organization;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A 20-byte EVM account address, kept in lower-case hex with its {@code 0x} prefix so that
 * equality does not depend on EIP-55 capitalisation.
 */
public record ChainAddress(String value) {

    private static final Pattern FORM = Pattern.compile("0x[0-9a-f]{40}");

    public ChainAddress {
        Objects.requireNonNull(value, "chain address");
        value = value.toLowerCase(Locale.ROOT);
        if (!FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("'" + value + "' is not a 20-byte hex address (0x + 40 hex digits)");
        }
    }

    public static ChainAddress of(String value) {
        return new ChainAddress(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
