package io.datatoken.asset.api;

import io.datatoken.domain.organization.EndUser;

/**
 * An end user an organization keeps on chain (the chain records no time of registration; its
 * {@code EndUserRegistered} event, in the tracer's index, does).
 *
 * @param organization the organization it belongs to
 * @param userId       its id within that organization
 * @param account      the chain account it acts with (and owns its DATA tokens with)
 */
public record EndUserView(String organization, String userId, String account) {

    static EndUserView of(EndUser user) {
        return new EndUserView(user.organization().value(), user.id().value(), user.account().value());
    }
}
