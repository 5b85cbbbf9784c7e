package io.datatoken.portal.services;

import com.fasterxml.jackson.databind.JsonNode;
import io.datatoken.portal.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * A job's result, on the compute node of the algorithm's owner ({@code GET <node>/v1/results/{job}},
 * the owner's users only). The node is the first endpoint the algorithm asset's DDO names, as the
 * job service finds parties' nodes; the user's token goes there only for an algorithm of the user's
 * own organization and an http(s) endpoint.
 */
@ApplicationScoped
public class ResultClient {

    private ServicesClient client;
    private AssetClient assets;

    /** For CDI proxies only. */
    protected ResultClient() {
    }

    @Inject
    public ResultClient(ServicesClient client, AssetClient assets) {
        this.client = client;
        this.assets = assets;
    }

    /**
     * Where the job's result is: its algorithm's node, if the algorithm's DDO names one and the job is
     * the signed-in user's organization's (the token goes to no other organization's endpoint).
     */
    public Optional<URI> nodeOf(Job job) {
        boolean mine = CurrentUser.find().flatMap(user -> user.organization()).map(job.owner()::equals).orElse(false);
        return mine ? nodeOf(assets.ddo(job.algorithm()).document()) : Optional.empty();
    }

    /** The result JSON as the node serves it (a 404 {@code no-result-yet} until every partial sum arrived). */
    public String result(URI node, String jobId) {
        return client.getAt(URI.create(node.toString().replaceAll("/+$", "") + "/v1/results/"
                + AssetClient.segment(jobId)), "compute", String.class);
    }

    /** The first endpoint among the DDO's services, if it is an http(s) URL. */
    static Optional<URI> nodeOf(JsonNode ddo) {
        for (JsonNode service : ddo.path("services")) {
            String endpoint = service.path("endpoint").asText("");
            if (!endpoint.isBlank()) {
                try {
                    URI uri = URI.create(endpoint.strip());
                    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                    return scheme.equals("http") || scheme.equals("https") ? Optional.of(uri) : Optional.empty();
                } catch (IllegalArgumentException malformed) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
