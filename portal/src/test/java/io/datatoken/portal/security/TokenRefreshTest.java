package io.datatoken.portal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Refreshing the session's access token at the provider's token endpoint (a local HTTP server here). */
class TokenRefreshTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    private HttpServer provider;
    private final Deque<String[]> answers = new ArrayDeque<>();
    private final List<Map<String, String>> forms = new ArrayList<>();
    private PkceLogin login;
    private final Holder users = new Holder();

    @BeforeEach
    void startProvider() throws IOException {
        provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        provider.createContext("/realms/datatoken/protocol/openid-connect/token", exchange -> {
            forms.add(form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            String[] answer = answers.poll();
            byte[] body = answer[1].getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(Integer.parseInt(answer[0]), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        provider.start();
        login = new PkceLogin(new OidcSettings("http://127.0.0.1:" + provider.getAddress().getPort() + "/realms/datatoken",
                "datatoken-portal", "http://portal.test/portal"));
        login.connect();
    }

    @AfterEach
    void stopProvider() {
        provider.stop(0);
    }

    @Test
    void aValidAccessTokenIsUsedAsItIs() {
        String valid = token(NOW.plusSeconds(120));
        users.user = user(new SignedInUser.Tokens("id", valid, "refresh-1"));

        assertThat(tokens().current()).isEqualTo(valid);
        assertThat(forms).isEmpty();
    }

    @Test
    void anExpiredAccessTokenIsRefreshedAndTheNewTokensKeptInTheSession() {
        String fresh = token(NOW.plusSeconds(300));
        users.user = user(new SignedInUser.Tokens("id-1", token(NOW.minusSeconds(1)), "refresh-1"));
        answers.add(new String[] {"200", "{\"access_token\":\"" + fresh + "\",\"refresh_token\":\"refresh-2\"}"});

        assertThat(tokens().current()).isEqualTo(fresh);

        assertThat(forms).singleElement().isEqualTo(Map.of("grant_type", "refresh_token",
                "refresh_token", "refresh-1", "client_id", "datatoken-portal"));
        assertThat(users.user.tokens()).isEqualTo(new SignedInUser.Tokens("id-1", fresh, "refresh-2"));
        assertThat(users.user.displayName()).isEqualTo("Alice Anders");
    }

    @Test
    void aTokenAboutToExpireIsRefreshedBeforeItGoesOut() {
        users.user = user(new SignedInUser.Tokens("id", token(NOW.plusSeconds(3)), "refresh-1"));
        answers.add(new String[] {"200", "{\"access_token\":\"new\",\"id_token\":\"id-2\"}"});

        assertThat(tokens().current()).isEqualTo("new");
        assertThat(users.user.tokens()).isEqualTo(new SignedInUser.Tokens("id-2", "new", "refresh-1"));
    }

    @Test
    void aRefusedTokenIsRenewedEvenIfItLooksValid() {
        users.user = user(new SignedInUser.Tokens("id", token(NOW.plusSeconds(120)), "refresh-1"));
        answers.add(new String[] {"200", "{\"access_token\":\"renewed\"}"});

        assertThat(tokens().renewed()).isEqualTo("renewed");
    }

    @Test
    void whenTheProviderSessionEndedTheSignInIsDropped() {
        users.user = user(new SignedInUser.Tokens("id", token(NOW.minusSeconds(1)), "refresh-1"));
        answers.add(new String[] {"400", "{\"error\":\"invalid_grant\",\"error_description\":\"Session not active\"}"});

        assertThatThrownBy(() -> tokens().current()).isInstanceOf(SignInExpiredException.class);
        assertThat(users.user).isNull();
    }

    @Test
    void withoutARefreshTokenTheSignInExpiresWithTheAccessToken() {
        users.user = user(new SignedInUser.Tokens("id", token(NOW.minusSeconds(1)), null));

        assertThatThrownBy(() -> tokens().current()).isInstanceOf(SignInExpiredException.class);
        assertThat(forms).isEmpty();
    }

    private SessionAccessTokens tokens() {
        return new SessionAccessTokens(login, Clock.fixed(NOW, ZoneOffset.UTC), users);
    }

    private static SignedInUser user(SignedInUser.Tokens tokens) {
        return new SignedInUser("alice-id", "Alice Anders", List.of("bank-a"), Set.of(), tokens);
    }

    private static String token(Instant expiry) {
        return new PlainJWT(new JWTClaimsSet.Builder().subject("alice-id").expirationTime(Date.from(expiry)).build())
                .serialize();
    }

    private static Map<String, String> form(String body) {
        return Arrays.stream(body.split("&")).map(pair -> pair.split("=", 2)).collect(Collectors.toMap(
                pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
    }

    /** The session's attribute, as a field. */
    private static final class Holder implements UserHolder {
        SignedInUser user;

        @Override
        public SignedInUser get() {
            if (user == null) {
                throw new IllegalStateException("signed out");
            }
            return user;
        }

        @Override
        public void replace(SignedInUser replacement) {
            user = replacement;
        }

        @Override
        public void forget() {
            user = null;
        }
    }

    @Test
    void expiryIsReadFromTheAccessToken() {
        var tokens = new SignedInUser.Tokens("id", token(NOW.plusSeconds(60)), "r");

        assertThat(tokens.accessTokenExpiresWithin(Duration.ofSeconds(10), NOW)).isFalse();
        assertThat(tokens.accessTokenExpiresWithin(Duration.ofSeconds(60), NOW)).isTrue();
        assertThat(new SignedInUser.Tokens("id", "not a jwt", "r").accessTokenExpiresWithin(Duration.ZERO, NOW)).isTrue();
    }
}
