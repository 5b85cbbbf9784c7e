package io.datatoken.tracer.index;

import io.datatoken.domain.organization.EndUserId;

/**
 * An end user as the index names it: the ledger's bytes32 end user id is the id itself, left-aligned
 * and zero padded (the chain module's EndUserIds), read back as {@link OrganizationIdText} reads an
 * alias; an id that is not one stays in hex.
 */
final class EndUserIdText {

    private EndUserIdText() {
    }

    static String of(String id) {
        return OrganizationIdText.text(id, text -> EndUserId.of(text).value());
    }
}
