package io.datatoken.chain;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import io.datatoken.domain.organization.OrganizationAlias;

/**
 * Organization ids on the ledger are the alias itself, left-aligned in a bytes32 and zero
 * padded (as Solidity's {@code bytes32("bank-a")}): readable in any block explorer and
 * reversible without an index. So only aliases of at most 32 characters can be recorded.
 */
final class OrganizationIds {

    static final int MAX_ALIAS_LENGTH = 32;

    private OrganizationIds() {
    }

    static byte[] toId(OrganizationAlias alias) {
        byte[] text = alias.value().getBytes(StandardCharsets.US_ASCII);
        if (text.length > MAX_ALIAS_LENGTH) {
            throw new IllegalArgumentException("organization alias '" + alias + "' has " + text.length
                    + " characters; the ledger records at most " + MAX_ALIAS_LENGTH);
        }
        return Arrays.copyOf(text, MAX_ALIAS_LENGTH);
    }

    /** The alias in a ledger id, or null for the all-zero id ("no organization"). */
    static OrganizationAlias toAlias(byte[] id) {
        int end = id.length;
        while (end > 0 && id[end - 1] == 0) {
            end--;
        }
        if (end == 0) {
            return null;
        }
        String text = new String(id, 0, end, StandardCharsets.US_ASCII);
        try {
            return OrganizationAlias.of(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the ledger holds an organization id that is not an alias: " + text, e);
        }
    }
}
