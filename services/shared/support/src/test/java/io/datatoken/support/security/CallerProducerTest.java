package io.datatoken.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datatoken.domain.organization.EndUserId;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.organization.PlatformRole;
import io.datatoken.support.web.ProblemException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** The request's caller as the producer reads it from a verified token: members and end users (scenario S2). */
class CallerProducerTest {

    @Test
    void an_end_user_token_makes_an_end_user_who_acts_for_no_organization() {
        Caller caller = callerOf(token("u1", Set.of("end-user"), List.of("vendor-a")));

        assertThat(caller.endUser()).contains(new Caller.EndUserOf(OrganizationAlias.of("vendor-a"), EndUserId.of("u1")));
        assertThat(caller.organization()).isEmpty();
        assertThat(caller.roles()).containsExactly(PlatformRole.END_USER);
        assertThat(caller.isEndUser(OrganizationAlias.of("vendor-a"), EndUserId.of("u1"))).isTrue();
        assertThat(caller.isEndUser(OrganizationAlias.of("vendor-b"), EndUserId.of("u1"))).isFalse();
        assertThat(caller.isEndUser(OrganizationAlias.of("vendor-a"), EndUserId.of("u2"))).isFalse();
    }

    @Test
    void an_end_user_is_refused_every_organization_scoped_action() {
        Caller caller = callerOf(token("u1", Set.of("end-user"), List.of("vendor-a")));

        assertThatThrownBy(() -> OrganizationRequired.of(caller)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.problem().type()).endsWith("/organization-required"));
    }

    @Test
    void a_members_token_makes_a_member_of_their_organization_and_no_end_user() {
        Caller caller = callerOf(token("victor", Set.of("data-provider", "offline_access"), List.of("vendor-a")));

        assertThat(caller.organization()).contains(OrganizationAlias.of("vendor-a"));
        assertThat(caller.endUser()).isEmpty();
        assertThat(caller.isEndUser(OrganizationAlias.of("vendor-a"), EndUserId.of("victor"))).isFalse();
    }

    @Test
    void an_end_user_without_an_organization_is_refused_with_what_to_do() {
        assertThatThrownBy(() -> callerOf(token("u1", Set.of("end-user"), null)))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(403);
                    assertThat(e.problem().type()).endsWith("/organization-claim");
                    assertThat(e.problem().detail()).isEqualTo("end user 'u1' belongs to no organization; the "
                            + "organization whose end user they are must add them as a member");
                });
    }

    @Test
    void an_end_user_whose_username_is_no_end_user_id_is_refused() {
        assertThatThrownBy(() -> callerOf(token("Uma.Ulrich", Set.of("end-user"), List.of("vendor-a"))))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(403);
                    assertThat(e.problem().detail()).contains("'Uma.Ulrich'", "lower-case letters, digits or inner hyphens");
                });
    }

    @Test
    void an_end_user_of_several_organizations_is_refused() {
        assertThatThrownBy(() -> callerOf(token("u1", Set.of("end-user"), List.of("vendor-a", "vendor-b"))))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.problem().detail()).contains("several organizations"));
    }

    @Test
    void a_request_without_a_token_is_unauthorized() {
        assertThatThrownBy(() -> callerOf(null)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.problem().status()).isEqualTo(401));
    }

    private static Caller callerOf(JsonWebToken token) {
        CallerProducer producer = new CallerProducer();
        producer.token = token;
        return producer.caller();
    }

    /** A verified token as MicroProfile JWT presents it: the realm roles as groups, the organization claim as a list. */
    private static JsonWebToken token(String username, Set<String> groups, List<String> organizations) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("raw_token", "header.payload.signature");
        claims.put("sub", "subject of " + username);
        claims.put("upn", username);
        claims.put("preferred_username", username);
        claims.put("groups", groups);
        if (organizations != null) {
            claims.put(Claims.ORGANIZATION, organizations);
        }
        return new MapToken(claims);
    }

    private record MapToken(Map<String, Object> claims) implements JsonWebToken {

        @Override
        public String getName() {
            return (String) claims.get("upn");
        }

        @Override
        public Set<String> getClaimNames() {
            return claims.keySet();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String name) {
            return (T) claims.get(name);
        }
    }
}
