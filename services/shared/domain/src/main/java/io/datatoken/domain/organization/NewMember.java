package io.datatoken.domain.organization;

import java.util.Objects;
import java.util.Set;

/**
 * A member to create. The initial password is temporary: the identity provider makes the user
 * choose a new one at first sign-in.
 */
public record NewMember(String username, String email, String firstName, String lastName,
                        Set<PlatformRole> roles, String initialPassword) {

    public NewMember {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(email, "email");
        roles = Set.copyOf(roles);
        if (roles.contains(PlatformRole.ADMIN)) {
            throw new IllegalArgumentException("the admin role is not given through onboarding");
        }
    }

    @Override
    public String toString() {
        return "NewMember[" + username + ", " + email + ", " + roles + "]";
    }
}
