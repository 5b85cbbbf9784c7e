package io.datatoken.portal.services;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The asset service's API ({@code /asset/api/v1}): assets, the catalog, trusted ops. */
@ApplicationScoped
public class AssetClient {

    static final String BASE = "/asset/api/v1";
    private static final TypeReference<List<Asset>> ASSETS = new TypeReference<>() {
    };
    private static final TypeReference<List<TrustedOp>> OPS = new TypeReference<>() {
    };

    private static final TypeReference<List<Denial>> DENIALS = new TypeReference<>() {
    };

    private ServicesClient client;

    /** For CDI proxies only. */
    protected AssetClient() {
    }

    @Inject
    public AssetClient(ServicesClient client) {
        this.client = client;
    }

    /** The assets of the user's organization, newest first (providers only). */
    public List<Asset> mine() {
        return client.get(BASE + "/assets", Query.none(), ASSETS);
    }

    /** Every organization's assets matching the query, newest first. */
    public List<Asset> catalog(CatalogQuery query) {
        return client.get(BASE + "/assets/catalog", query.toQuery(), ASSETS);
    }

    /** One asset, with whether its tree is authorized now. */
    public Asset asset(String dt) {
        return client.get(BASE + "/assets/" + segment(dt), Query.none(), Asset.class);
    }

    /** The asset's DDO, proven against the chain by the service (a 502 if the stored one was tampered with). */
    public VerifiedDdo ddo(String dt) {
        var answer = client.getWithHeaders(BASE + "/assets/" + segment(dt) + "/ddo", Query.none(), JsonNode.class);
        return new VerifiedDdo(answer.body(), answer.headers().firstValue("X-DataToken-CID").orElse(null),
                answer.headers().firstValue("X-DataToken-Proof").orElse(null));
    }

    /** Revokes the grant of the user's asset to a composition, on chain (a 409 when none is live). */
    public JsonNode revokeGrant(String dt, String parent) {
        return client.delete(BASE + "/assets/" + segment(dt) + "/grants/" + segment(parent), JsonNode.class);
    }

    /** The owner's denials of compositions using the user's asset, newest first. */
    public List<Denial> denials(String dt) {
        return client.get(BASE + "/assets/" + segment(dt) + "/denials", Query.none(), DENIALS);
    }

    /** Denies the composition the use of the user's asset, with the reason its composer reads (nothing on chain). */
    public Denial deny(String dt, String parent, String reason) {
        return client.put(BASE + "/assets/" + segment(dt) + "/denials/" + segment(parent), Map.of("reason", reason),
                Denial.class);
    }

    /** Whether compositions that meet the asset's terms are granted without the owner acting. */
    public boolean autoAuthorization(String dt) {
        return client.get(BASE + "/assets/" + segment(dt) + "/auto-authorization", Query.none(), AutoAuthorization.class)
                .enabled();
    }

    /** Opts the user's asset in or out of automatic authorization; answers the setting now. */
    public boolean setAutoAuthorization(String dt, boolean enabled) {
        return client.put(BASE + "/assets/" + segment(dt) + "/auto-authorization", new AutoAuthorization(enabled),
                AutoAuthorization.class).enabled();
    }

    public TrustedOp op(String opHash) {
        return client.get(BASE + "/ops/" + segment(opHash), Query.none(), TrustedOp.class);
    }

    /** Registers an asset: the body is its DDO; answers the registration (also when it stood already). */
    public Asset register(JsonNode ddo) {
        return client.post(BASE + "/assets", ddo, Asset.class);
    }

    /** Every trusted op of the registry, deprecated ones included, by name and then version. */
    public List<TrustedOp> ops() {
        return client.get(BASE + "/ops", Query.none(), OPS);
    }

    /** The endpoint the organization's newest asset names (its compute node, usually), if it has one. */
    public Optional<String> endpointOfMyNewest() {
        return mine().stream().findFirst().flatMap(this::endpointOf);
    }

    /** The endpoint the first service of one of the assets names, e.g. the owner's compute node. */
    public Optional<String> endpointOf(Asset asset) {
        JsonNode services = ddo(asset.dt()).document().path("services");
        for (JsonNode service : services) {
            String endpoint = service.path("endpoint").asText("");
            if (endpoint.startsWith("http://") || endpoint.startsWith("https://")) {
                return Optional.of(endpoint);
            }
        }
        return Optional.empty();
    }

    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
