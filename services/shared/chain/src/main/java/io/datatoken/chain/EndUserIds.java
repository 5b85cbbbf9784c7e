package io.datatoken.chain;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import io.datatoken.domain.organization.EndUserId;

/**
 * End user ids on the ledger are the id itself, left-aligned in a bytes32 and zero padded, as
 * {@link OrganizationIds} does for aliases: readable in any block explorer and reversible
 * without an index. An {@link EndUserId} has at most 32 characters, so every id fits.
 */
final class EndUserIds {

    private EndUserIds() {
    }

    static byte[] toId(EndUserId id) {
        return Arrays.copyOf(id.value().getBytes(StandardCharsets.US_ASCII), EndUserId.MAX_LENGTH);
    }

    /** The end user id in a ledger id, or null for the all-zero id ("no end user"). */
    static EndUserId toUserId(byte[] id) {
        int end = id.length;
        while (end > 0 && id[end - 1] == 0) {
            end--;
        }
        if (end == 0) {
            return null;
        }
        String text = new String(id, 0, end, StandardCharsets.US_ASCII);
        try {
            return EndUserId.of(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the ledger holds an end user id that is not one: " + text, e);
        }
    }
}
