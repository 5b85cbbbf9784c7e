package io.datatoken.portal.services;

import com.fasterxml.jackson.databind.JsonNode;
import io.datatoken.portal.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * Local datasets at the organization's own compute node ({@code <node>/v1/datasets}): bind one of the
 * premises' datasets to an asset, list what the node bound for the organization. The node is the first
 * http(s) endpoint of the asset's DDO (as {@link ResultClient} finds it); the user's token goes there
 * only for an asset of the user's own organization, checked against the DDO the asset service proved.
 */
@ApplicationScoped
public class DatasetClient {

    /** How problems name the node. */
    static final String SERVICE = "compute";

    private ServicesClient client;
    private AssetClient assets;

    /** For CDI proxies only. */
    protected DatasetClient() {
    }

    @Inject
    public DatasetClient(ServicesClient client, AssetClient assets) {
        this.client = client;
        this.assets = assets;
    }

    /** The node the asset names, if the asset is the signed-in user's organization's and names an http(s) one. */
    public Optional<OwnNode> nodeOf(Asset asset) {
        return nodeOf(asset, CurrentUser.find().flatMap(user -> user.organization()));
    }

    Optional<OwnNode> nodeOf(Asset asset, Optional<String> organization) {
        if (organization.isEmpty() || !organization.get().equals(asset.owner())) {
            return Optional.empty();
        }
        JsonNode ddo = assets.ddo(asset.dt()).document();
        // the record the view holds could be anything; the DDO is what the chain proves the asset to be
        if (!organization.get().equals(ddo.path("owner").asText())) {
            return Optional.empty();
        }
        return ResultClient.nodeOf(ddo).map(OwnNode::new);
    }

    /** Binds the dataset (the node reads it once to check it); answers the node's summary of it. */
    public BoundDataset bind(OwnNode node, NewDatasetBinding binding) {
        return client.postAt(node.datasets(), SERVICE, binding, BoundDataset.class);
    }

    /** What the node bound for the user's organization, newest first. */
    public List<BoundDataset> bound(OwnNode node) {
        BoundDataset[] bound = client.getAt(node.datasets(), SERVICE, BoundDataset[].class);
        return bound == null ? List.of() : List.of(bound);
    }
}
