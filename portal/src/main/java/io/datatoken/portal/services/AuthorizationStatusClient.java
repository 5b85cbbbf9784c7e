package io.datatoken.portal.services;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The verifier's reading of a composition's authorizations ({@code /verifier/api/v1/compositions}),
 * to say what a job service's {@code not-all-authorized} refusal is waiting for.
 */
@ApplicationScoped
public class AuthorizationStatusClient {

    static final String BASE = "/verifier/api/v1";

    private ServicesClient client;

    /** For CDI proxies only. */
    protected AuthorizationStatusClient() {
    }

    @Inject
    public AuthorizationStatusClient(ServicesClient client) {
        this.client = client;
    }

    public CompositionAuthorizations of(String dt) {
        return client.get(BASE + "/compositions/" + AssetClient.segment(dt) + "/authorizations", Query.none(),
                CompositionAuthorizations.class);
    }
}
