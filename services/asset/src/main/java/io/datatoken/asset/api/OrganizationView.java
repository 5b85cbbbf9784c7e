package io.datatoken.asset.api;

import java.util.List;

/**
 * An onboarded organization.
 *
 * @param account  the account the platform signs with for the organization
 * @param accounts every account that acts for it on chain (its own keys included)
 */
public record OrganizationView(String alias, String name, String domain, List<String> roles, String account,
                               List<String> accounts, boolean active, List<Member> members) {

    /** A member and its roles. */
    public record Member(String username, List<String> roles) {
    }
}
