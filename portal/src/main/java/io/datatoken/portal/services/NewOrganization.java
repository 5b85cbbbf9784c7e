package io.datatoken.portal.services;

import java.util.List;

/** What the asset service takes to onboard an organization: its alias, name, domain, platform roles and first members. */
public record NewOrganization(String alias, String name, String domain, List<String> roles, List<Member> members) {

    /** A first member; the initial password is temporary (Keycloak asks for a new one at first sign-in). */
    public record Member(String username, String email, String firstName, String lastName, List<String> roles,
                         String initialPassword) {
    }
}
