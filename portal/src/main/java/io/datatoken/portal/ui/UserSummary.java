package io.datatoken.portal.ui;

import io.datatoken.domain.organization.PlatformRole;
import io.datatoken.portal.security.SignedInUser;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The signed-in user as text for the screen; "—" where there is nothing to show. */
public record UserSummary(String name, String organization, List<PlatformRole> roles) {

    static final String NONE = "—";

    public UserSummary {
        roles = List.copyOf(roles);
    }

    public static UserSummary of(SignedInUser user) {
        if (user == null) {
            return new UserSummary(NONE, NONE, List.of());
        }
        String organization = user.organizations().isEmpty() ? NONE : String.join(", ", user.organizations());
        return new UserSummary(user.displayName(), organization, List.copyOf(user.roles()));
    }

    /** The roles in platform order, each as {@code label} names it, or "—" for none. */
    public String roles(Function<PlatformRole, String> label) {
        return roles.isEmpty() ? NONE : roles.stream().map(label).collect(Collectors.joining(", "));
    }
}
