package io.datatoken.portal.ui;

import io.datatoken.domain.organization.PlatformRole;
import io.datatoken.portal.security.SignedInUser;
import java.util.stream.Collectors;

/** The signed-in user as text for the screen; "—" where there is nothing to show. */
record UserSummary(String name, String organization, String roles) {

    static final String NONE = "—";

    static UserSummary of(SignedInUser user) {
        if (user == null) {
            return new UserSummary(NONE, NONE, NONE);
        }
        String organization = user.organizations().isEmpty() ? NONE : String.join(", ", user.organizations());
        String roles = user.roles().isEmpty() ? NONE
                : user.roles().stream().map(PlatformRole::roleName).collect(Collectors.joining(", "));
        return new UserSummary(user.displayName(), organization, roles);
    }
}
