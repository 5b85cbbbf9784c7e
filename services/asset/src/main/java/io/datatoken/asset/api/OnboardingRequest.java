package io.datatoken.asset.api;

import java.util.List;

/** What the admin sends to onboard an organization. */
public record OnboardingRequest(String alias, String name, String domain, List<String> roles, List<Member> members) {

    /** A first member; the initial password is temporary (changed at first sign-in). */
    public record Member(String username, String email, String firstName, String lastName, List<String> roles,
                         String initialPassword) {
    }
}
