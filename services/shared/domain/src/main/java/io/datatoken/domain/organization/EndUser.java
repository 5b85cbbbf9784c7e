package io.datatoken.domain.organization;

import java.util.Objects;

/**
 * An end user an organization registered for itself on the {@link OrganizationLedger}: its id
 * within the organization and the chain account it acts with. An account is the end user of at
 * most one organization and never at the same time an account of an organization.
 */
public record EndUser(OrganizationAlias organization, EndUserId id, ChainAddress account) {

    public EndUser {
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(account, "account");
    }
}
