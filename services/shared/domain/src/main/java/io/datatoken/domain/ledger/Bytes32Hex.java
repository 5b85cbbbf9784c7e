package io.datatoken.domain.ledger;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The text form of a 32-byte ledger value (ids, hashes): {@code 0x} + 64 hex digits, kept in
 * lower case so that one value has one spelling. The all-zero value is refused: the contracts
 * use it for "none".
 */
public final class Bytes32Hex {

    private static final Pattern FORM = Pattern.compile("0x[0-9a-f]{64}");
    private static final String ZERO = "0x" + "0".repeat(64);

    private Bytes32Hex() {
    }

    /** The value in canonical form; {@link IllegalArgumentException} naming {@code what} if malformed. */
    public static String require(String value, String what) {
        Objects.requireNonNull(value, what);
        String canonical = value.toLowerCase(Locale.ROOT);
        if (!FORM.matcher(canonical).matches()) {
            throw new IllegalArgumentException(what + " '" + value + "' must be 0x followed by 64 hex digits");
        }
        if (canonical.equals(ZERO)) {
            throw new IllegalArgumentException(what + " must not be zero");
        }
        return canonical;
    }
}
