package io.datatoken.asset.api;

import java.util.List;

/** An onboarded organization. */
public record OrganizationView(String alias, String name, String domain, List<String> roles, String account,
                               boolean active, List<Member> members) {

    /** A member and its roles. */
    public record Member(String username, List<String> roles) {
    }
}
