package io.datatoken.portal.services;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Where the platform's services answer: one base URL, each service under its own path. */
@ApplicationScoped
public class ServicesSettings {

    private URI baseUrl;

    /** For CDI proxies only. */
    protected ServicesSettings() {
    }

    @Inject
    public ServicesSettings(@ConfigProperty(name = "datatoken.portal.services-url") String baseUrl) {
        this.baseUrl = URI.create(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
    }

    /** Base URL without a trailing slash, e.g. {@code http://localhost:9080}. */
    public URI baseUrl() {
        return baseUrl;
    }
}
