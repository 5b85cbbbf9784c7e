package io.datatoken.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PkceLoginTest {

    private final OidcSettings settings = new OidcSettings(
            "http://idp.test/realms/datatoken/", "datatoken-portal", "http://portal.test/portal");
    private final PkceLogin login = new PkceLogin(settings);

    @Test
    void s256ChallengeMatchesTheRfc7636Example() {
        assertThat(PkceLogin.codeChallenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"))
                .isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    }

    @Test
    void everyLoginGetsFreshUnguessableSecrets() {
        PendingLogin first = login.begin("/portal/");
        PendingLogin second = login.begin("/portal/");

        assertThat(first.state()).isNotEqualTo(second.state());
        assertThat(first.nonce()).isNotEqualTo(second.nonce()).isNotEqualTo(first.state());
        assertThat(first.codeVerifier()).hasSize(43).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void authorizationUrlCarriesStateNonceAndS256Challenge() {
        PendingLogin pending = login.begin("/portal/");

        URI url = login.authorizationUrl(pending);
        Map<String, String> query = query(url);

        assertThat(url.toString()).startsWith("http://idp.test/realms/datatoken/protocol/openid-connect/auth?");
        assertThat(query).containsEntry("response_type", "code")
                .containsEntry("client_id", "datatoken-portal")
                .containsEntry("redirect_uri", "http://portal.test/portal/oidc/callback")
                .containsEntry("scope", "openid")
                .containsEntry("state", pending.state())
                .containsEntry("nonce", pending.nonce())
                .containsEntry("code_challenge", PkceLogin.codeChallenge(pending.codeVerifier()))
                .containsEntry("code_challenge_method", "S256");
        assertThat(url.toString()).doesNotContain(pending.codeVerifier());
    }

    @Test
    void logoutUrlEndsTheProviderSessionAndReturnsHome() {
        Map<String, String> query = query(login.logoutUrl("the-id-token"));

        assertThat(query).containsEntry("id_token_hint", "the-id-token")
                .containsEntry("post_logout_redirect_uri", "http://portal.test/portal/")
                .containsEntry("client_id", "datatoken-portal");
    }

    private static Map<String, String> query(URI url) {
        return Arrays.stream(url.getRawQuery().split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(
                        pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                        pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
    }
}
