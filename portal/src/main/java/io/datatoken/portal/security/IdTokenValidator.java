package io.datatoken.portal.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.text.ParseException;
import java.util.Set;

/**
 * Checks an ID token: RS256 signature against the provider's JWKS (cached, refreshed on unknown
 * key ids), then issuer, audience = our client, nonce of the pending login, and expiry.
 */
public class IdTokenValidator {

    private static final Set<String> REQUIRED_CLAIMS = Set.of("sub", "iat", "exp");

    private final String issuer;
    private final String clientId;
    private final JWKSource<SecurityContext> keys;

    IdTokenValidator(String issuer, String clientId, JWKSource<SecurityContext> keys) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.keys = keys;
    }

    static IdTokenValidator forProvider(OidcSettings settings) {
        try {
            JWKSource<SecurityContext> keys = JWKSourceBuilder.<SecurityContext>create(settings.jwksUri().toURL())
                    .retrying(true)
                    .build();
            return new IdTokenValidator(settings.issuer(), settings.clientId(), keys);
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("Invalid JWKS URL " + settings.jwksUri(), e);
        }
    }

    JWTClaimsSet validate(String idToken, String expectedNonce) throws LoginFailedException {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                clientId,
                new JWTClaimsSet.Builder().issuer(issuer).claim("nonce", expectedNonce).build(),
                REQUIRED_CLAIMS));
        try {
            return processor.process(idToken, null);
        } catch (ParseException | BadJOSEException | JOSEException e) {
            throw new LoginFailedException("The ID token was rejected: " + e.getMessage(), e);
        }
    }
}
