package io.datatoken.portal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class IdTokenValidatorTest {

    private static final String ISSUER = "http://idp.test/realms/datatoken";
    private static final String CLIENT = "datatoken-portal";
    private static final String NONCE = "the-nonce";

    private static RSAKey providerKey;
    private static RSAKey otherKey;
    private static IdTokenValidator validator;

    @BeforeAll
    static void keys() throws JOSEException {
        providerKey = new RSAKeyGenerator(2048).keyID("provider").generate();
        otherKey = new RSAKeyGenerator(2048).keyID("provider").generate();
        validator = new IdTokenValidator(ISSUER, CLIENT, new ImmutableJWKSet<>(new JWKSet(providerKey.toPublicJWK())));
    }

    @Test
    void acceptsATokenSignedByTheProviderForThisLogin() throws Exception {
        JWTClaimsSet claims = validator.validate(token(providerKey, UnaryOperator.identity()), NONCE);

        assertThat(claims.getSubject()).isEqualTo("alice-id");
    }

    @Test
    void rejectsAForeignSignature() {
        assertRejected(token(otherKey, UnaryOperator.identity()));
    }

    @Test
    void rejectsAnotherIssuer() {
        assertRejected(token(providerKey, c -> c.issuer("http://evil.test/realms/datatoken")));
    }

    @Test
    void rejectsAnotherAudience() {
        assertRejected(token(providerKey, c -> c.audience("datatoken-dev-cli")));
    }

    @Test
    void rejectsAReplayedTokenOfAnotherLogin() {
        assertRejected(token(providerKey, c -> c.claim("nonce", "another-nonce")));
        assertRejected(token(providerKey, c -> c.claim("nonce", null)));
    }

    @Test
    void rejectsAnExpiredToken() {
        Instant longAgo = Instant.now().minusSeconds(3600);
        assertRejected(token(providerKey, c -> c.issueTime(Date.from(longAgo)).expirationTime(Date.from(longAgo.plusSeconds(300)))));
    }

    private static void assertRejected(String idToken) {
        assertThatThrownBy(() -> validator.validate(idToken, NONCE)).isInstanceOf(LoginFailedException.class);
    }

    private static String token(RSAKey key, UnaryOperator<JWTClaimsSet.Builder> change) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(CLIENT)
                .subject("alice-id")
                .claim("nonce", NONCE)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)));
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    change.apply(claims).build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
