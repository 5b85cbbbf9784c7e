package io.datatoken.portal.security;

import io.datatoken.domain.organization.PlatformRole;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import java.io.Serializable;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The person behind the current HTTP session, read from a validated ID token, plus the tokens the
 * portal uses on their behalf. Lives only in the server-side session.
 *
 * @param organizations aliases from the {@code organization} claim (Keycloak organizations)
 * @param roles platform roles from the {@code groups} claim; other realm roles are dropped
 */
public record SignedInUser(
        String subject,
        String displayName,
        List<String> organizations,
        Set<PlatformRole> roles,
        Tokens tokens) implements Serializable {

    /** HTTP session attribute under which the signed-in user is kept. */
    public static final String SESSION_ATTRIBUTE = SignedInUser.class.getName();

    public SignedInUser {
        organizations = List.copyOf(organizations);
        roles = roles.isEmpty() ? EnumSet.noneOf(PlatformRole.class) : EnumSet.copyOf(roles);
    }

    /** Tokens from the token endpoint; only the server ever sees them. */
    public record Tokens(String idToken, String accessToken, String refreshToken) implements Serializable {

        /**
         * Whether the access token is past its {@code exp}, or will be within {@code margin}. The
         * token is read, not verified: it came straight from the token endpoint, and the services
         * verify it on every call. A token that cannot be read counts as expired.
         */
        public boolean accessTokenExpiresWithin(Duration margin, Instant now) {
            try {
                Date expiry = JWTParser.parse(accessToken).getJWTClaimsSet().getExpirationTime();
                return expiry == null || !expiry.toInstant().isAfter(now.plus(margin));
            } catch (ParseException | RuntimeException unreadable) {
                return true;
            }
        }

        @Override
        public String toString() {
            return "Tokens[redacted]";
        }
    }

    static SignedInUser fromClaims(JWTClaimsSet claims, Tokens tokens) {
        return new SignedInUser(
                claims.getSubject(),
                displayName(claims),
                organizations(claims.getClaim("organization")),
                platformRoles(claims.getClaim("groups")),
                tokens);
    }

    public boolean hasRole(PlatformRole role) {
        return roles.contains(role);
    }

    /** The same person with the tokens of a refresh. */
    public SignedInUser withTokens(Tokens refreshed) {
        return new SignedInUser(subject, displayName, organizations, roles, refreshed);
    }

    /** The organization the person acts for (the first alias), if any. */
    public Optional<String> organization() {
        return organizations.stream().findFirst();
    }

    private static String displayName(JWTClaimsSet claims) {
        for (String claim : List.of("name", "preferred_username")) {
            Object value = claims.getClaim(claim);
            if (value instanceof String text && !text.isBlank()) {
                return text;
            }
        }
        return claims.getSubject();
    }

    /** Keycloak sends a list of aliases, or a map alias → attributes when attributes are mapped. */
    private static List<String> organizations(Object claim) {
        List<String> aliases = new ArrayList<>();
        if (claim instanceof Collection<?> values) {
            values.forEach(value -> aliases.add(String.valueOf(value)));
        } else if (claim instanceof Map<?, ?> byAlias) {
            byAlias.keySet().forEach(alias -> aliases.add(String.valueOf(alias)));
        } else if (claim instanceof String alias) {
            aliases.add(alias);
        }
        return aliases.stream().sorted().toList();
    }

    private static Set<PlatformRole> platformRoles(Object claim) {
        Set<PlatformRole> roles = EnumSet.noneOf(PlatformRole.class);
        if (claim instanceof Collection<?> values) {
            values.forEach(value -> PlatformRole.fromRoleName(String.valueOf(value)).ifPresent(roles::add));
        }
        return roles;
    }
}
