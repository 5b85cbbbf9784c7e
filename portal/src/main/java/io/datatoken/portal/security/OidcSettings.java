package io.datatoken.portal.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the identity provider and the portal live. Endpoints follow Keycloak's layout under the
 * realm issuer, so one key configures the whole provider.
 */
@ApplicationScoped
public class OidcSettings {

    static final String CALLBACK_PATH = "/oidc/callback";
    static final String LOGOUT_PATH = "/oidc/logout";

    private String issuer;
    private String clientId;
    private String portalBaseUrl;

    /** For CDI proxies only. */
    protected OidcSettings() {
    }

    @Inject
    public OidcSettings(
            @ConfigProperty(name = "datatoken.oidc.issuer") String issuer,
            @ConfigProperty(name = "datatoken.oidc.client-id") String clientId,
            @ConfigProperty(name = "datatoken.portal.base-url") String portalBaseUrl) {
        this.issuer = stripTrailingSlash(issuer);
        this.clientId = clientId;
        this.portalBaseUrl = stripTrailingSlash(portalBaseUrl);
    }

    public String issuer() {
        return issuer;
    }

    public String clientId() {
        return clientId;
    }

    public URI authorizationEndpoint() {
        return URI.create(issuer + "/protocol/openid-connect/auth");
    }

    public URI tokenEndpoint() {
        return URI.create(issuer + "/protocol/openid-connect/token");
    }

    public URI jwksUri() {
        return URI.create(issuer + "/protocol/openid-connect/certs");
    }

    public URI endSessionEndpoint() {
        return URI.create(issuer + "/protocol/openid-connect/logout");
    }

    /** Registered with the client as redirect URI; must match exactly in both legs of the flow. */
    public String redirectUri() {
        return portalBaseUrl + CALLBACK_PATH;
    }

    public String portalHome() {
        return portalBaseUrl + "/";
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
