package io.datatoken.support.security;

import io.datatoken.domain.organization.EndUserId;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.organization.PlatformRole;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the platform claims of a verified token. Keycloak's organization mapper writes the
 * organization either as a list of aliases or, when attributes are included, as a map keyed by
 * alias; both shapes are accepted. A member of several organizations is refused: the platform
 * needs one acting organization per token.
 */
public final class Claims {

    public static final String ORGANIZATION = "organization";
    public static final String GROUPS = "groups";

    private Claims() {
    }

    public static Optional<OrganizationAlias> organization(Object claim) {
        List<String> aliases = switch (claim) {
            case null -> List.of();
            case Map<?, ?> map -> map.keySet().stream().map(String::valueOf).toList();
            case Collection<?> list -> list.stream().map(Claims::unquote).toList();
            default -> List.of(unquote(claim));
        };
        if (aliases.size() > 1) {
            throw new AmbiguousOrganizationException(aliases);
        }
        return aliases.stream().findFirst().map(OrganizationAlias::of);
    }

    public static Set<PlatformRole> roles(Collection<String> groups) {
        Set<PlatformRole> roles = EnumSet.noneOf(PlatformRole.class);
        if (groups != null) {
            groups.stream().filter(Objects::nonNull).map(PlatformRole::fromRoleName)
                    .flatMap(Optional::stream).forEach(roles::add);
        }
        return roles;
    }

    /**
     * The end user a token with role {@code end-user} names: the organization whose end user they are
     * (the organization claim: their membership) and their id in its registry, which is their username.
     *
     * @throws IllegalArgumentException if the token names no organization or the username is no end user id
     */
    public static Caller.EndUserOf endUser(Optional<OrganizationAlias> organization, String username) {
        OrganizationAlias of = organization.orElseThrow(() -> new IllegalArgumentException("end user '" + username
                + "' belongs to no organization; the organization whose end user they are must add them as a member"));
        return new Caller.EndUserOf(of, EndUserId.of(username));
    }

    /** JSON-P string values print with quotes; plain strings do not. */
    private static String unquote(Object value) {
        String text = String.valueOf(value);
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")
                ? text.substring(1, text.length() - 1) : text;
    }

    /** The token names more than one organization. */
    public static class AmbiguousOrganizationException extends RuntimeException {
        public AmbiguousOrganizationException(List<String> aliases) {
            super("the token names several organizations " + aliases
                    + "; sign in with an account that belongs to exactly one");
        }
    }
}
