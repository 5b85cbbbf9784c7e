package io.datatoken.portal.ui.register;

import io.datatoken.portal.services.Asset;
import io.datatoken.portal.services.NewDatasetBinding;
import io.datatoken.portal.services.NewDatasetBinding.Kind;

/** What the local data panel's fields hold. */
public class DatasetBindingForm {

    private Asset asset;
    private Kind kind = Kind.CSV;
    private String location = "";
    private String weights = "";

    public Asset getAsset() {
        return asset;
    }

    public void setAsset(Asset asset) {
        this.asset = asset;
    }

    public Kind getKind() {
        return kind;
    }

    public void setKind(Kind kind) {
        this.kind = kind;
    }

    public String getLocation() {
        return location;
    }

    public void setLocation(String location) {
        this.location = location;
    }

    public String getWeights() {
        return weights;
    }

    public void setWeights(String weights) {
        this.weights = weights;
    }

    /** The binding the node is sent; only once every field is valid. */
    NewDatasetBinding toBinding() {
        return new NewDatasetBinding(asset.dt(), kind, location, weights);
    }
}
