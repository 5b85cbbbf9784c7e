package io.datatoken.domain.asset;

import java.util.regex.Pattern;

/**
 * 32 bytes as {@code 0x} + 64 lower-case hex digits: the form of Data Token ids, op hashes and proofs.
 * Lower case only, so one value has exactly one spelling and canonical documents stay unique.
 */
final class Hex32 {

    private static final Pattern FORM = Pattern.compile("0x[0-9a-f]{64}");

    static final String RULE = "must be 0x followed by 64 lower-case hex digits";

    private Hex32() {
    }

    static boolean isWellFormed(String value) {
        return value != null && FORM.matcher(value).matches();
    }
}
