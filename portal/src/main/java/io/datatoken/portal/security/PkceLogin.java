package io.datatoken.portal.security;

import com.nimbusds.jose.util.JSONObjectUtils;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The authorization code flow with PKCE for a public client: start (state, nonce, S256
 * challenge), complete (state check, code exchange without client secret, ID token validation),
 * and the provider logout URL.
 */
@ApplicationScoped
public class PkceLogin {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private OidcSettings settings;
    private IdTokenValidator idTokens;
    private HttpClient http;

    /** For CDI proxies only. */
    protected PkceLogin() {
    }

    @Inject
    public PkceLogin(OidcSettings settings) {
        this.settings = settings;
    }

    @PostConstruct
    void connect() {
        idTokens = IdTokenValidator.forProvider(settings);
        http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    public PendingLogin begin(String returnTo) {
        return new PendingLogin(randomToken(), randomToken(), randomToken(), returnTo);
    }

    public URI authorizationUrl(PendingLogin login) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", settings.clientId());
        query.put("redirect_uri", settings.redirectUri());
        query.put("scope", "openid");
        query.put("state", login.state());
        query.put("nonce", login.nonce());
        query.put("code_challenge", codeChallenge(login.codeVerifier()));
        query.put("code_challenge_method", "S256");
        return URI.create(settings.authorizationEndpoint() + "?" + formEncode(query));
    }

    public SignedInUser complete(PendingLogin login, String returnedState, String code) throws LoginFailedException {
        login.checkState(returnedState);
        if (code == null || code.isBlank()) {
            throw new LoginFailedException("The sign-in response carries no authorization code.");
        }
        Map<String, Object> tokens = exchange(code, login.codeVerifier());
        String idToken = stringField(tokens, "id_token");
        var claims = idTokens.validate(idToken, login.nonce());
        return SignedInUser.fromClaims(claims, new SignedInUser.Tokens(
                idToken, stringField(tokens, "access_token"), (String) tokens.get("refresh_token")));
    }

    /** RP-initiated logout: ends the Keycloak session, then comes back to the portal home. */
    public URI logoutUrl(String idTokenHint) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", settings.clientId());
        query.put("post_logout_redirect_uri", settings.portalHome());
        if (idTokenHint != null) {
            query.put("id_token_hint", idTokenHint);
        }
        return URI.create(settings.endSessionEndpoint() + "?" + formEncode(query));
    }

    /** RFC 7636 S256: BASE64URL(SHA-256(ASCII(code_verifier))), no padding. */
    static String codeChallenge(String codeVerifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(codeVerifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JRE", e);
        }
    }

    /** 256 random bits, base64url: a valid PKCE verifier (43 chars) and an unguessable state/nonce. */
    static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * New tokens for a session whose access token expired (refresh-token grant of the public
     * client). Keycloak may rotate the refresh token and omit the ID token: what it leaves out is
     * kept. Fails when the provider's session ended (idle or max lifespan, logout elsewhere).
     */
    public SignedInUser.Tokens refresh(SignedInUser.Tokens tokens) throws LoginFailedException {
        if (tokens.refreshToken() == null) {
            throw new LoginFailedException("The session has no refresh token.");
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", tokens.refreshToken());
        form.put("client_id", settings.clientId());
        Map<String, Object> answer = tokenRequest(form, "refresh token");
        String idToken = answer.get("id_token") instanceof String fresh && !fresh.isBlank() ? fresh : tokens.idToken();
        String refreshToken = answer.get("refresh_token") instanceof String fresh && !fresh.isBlank()
                ? fresh : tokens.refreshToken();
        return new SignedInUser.Tokens(idToken, stringField(answer, "access_token"), refreshToken);
    }

    private Map<String, Object> exchange(String code, String codeVerifier) throws LoginFailedException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", settings.redirectUri());
        form.put("client_id", settings.clientId());
        form.put("code_verifier", codeVerifier);
        return tokenRequest(form, "code");
    }

    private Map<String, Object> tokenRequest(Map<String, String> form, String grant) throws LoginFailedException {
        HttpRequest request = HttpRequest.newBuilder(settings.tokenEndpoint())
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(formEncode(form)))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new LoginFailedException("The token endpoint refused the " + grant + " (HTTP "
                        + response.statusCode() + ").");
            }
            return JSONObjectUtils.parse(response.body());
        } catch (IOException | ParseException e) {
            throw new LoginFailedException("The token endpoint could not be reached or answered nonsense.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoginFailedException("Interrupted while exchanging the " + grant + ".", e);
        }
    }

    private static String stringField(Map<String, Object> json, String field) throws LoginFailedException {
        if (json.get(field) instanceof String value && !value.isBlank()) {
            return value;
        }
        throw new LoginFailedException("The token response has no " + field + ".");
    }

    private static String formEncode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
