package io.datatoken.tracer.index;

import io.datatoken.domain.organization.OrganizationAlias;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * An organization as the index names it: the ledger's bytes32 organization id is the alias itself,
 * left-aligned and zero padded (the chain module's OrganizationIds), so the alias is read back from
 * the id without any registry lookup. An id that is not one (all zero, or not an alias's characters)
 * stays in hex, so nothing is lost.
 */
final class OrganizationIdText {

    private OrganizationIdText() {
    }

    static String of(String id) {
        return text(id, alias -> OrganizationAlias.of(alias).value());
    }

    /**
     * The text a zero-padded bytes32 id holds if {@code form} accepts it (it throws
     * IllegalArgumentException otherwise), else the id in hex: the ledger spells end user ids the
     * same way ({@link EndUserIdText}).
     */
    static String text(String id, UnaryOperator<String> form) {
        String hex = id.toLowerCase(Locale.ROOT);
        if (!hex.matches("0x[0-9a-f]{64}")) {
            return hex;
        }
        byte[] bytes = HexFormat.of().parseHex(hex, 2, hex.length());
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] == 0) {
            end--;
        }
        StringBuilder alias = new StringBuilder();
        for (int i = 0; i < end; i++) {
            if (bytes[i] <= 0x20 || bytes[i] >= 0x7f) {
                return hex;
            }
            alias.append((char) bytes[i]);
        }
        try {
            return form.apply(alias.toString());
        } catch (IllegalArgumentException e) {
            return hex;
        }
    }
}
