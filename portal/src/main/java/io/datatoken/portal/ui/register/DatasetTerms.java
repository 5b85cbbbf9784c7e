package io.datatoken.portal.ui.register;

import io.datatoken.portal.services.Asset;
import io.datatoken.portal.services.NewDatasetBinding;
import io.datatoken.portal.services.NewDatasetBinding.Kind;
import java.util.List;

/**
 * The rules of the local data panel's fields, the node's own ({@link NewDatasetBinding}) applied to what
 * the other fields hold, so nothing the node would refuse for its form is sent.
 */
final class DatasetTerms {

    private DatasetTerms() {
    }

    /** The assets a node binds data to: DATA (a dataset) and ALGORITHM (labels). */
    static List<Asset> bindable(List<Asset> mine) {
        return mine.stream().filter(asset -> asset.assetKind().filter(NewDatasetBinding::isBindable).isPresent()).toList();
    }

    /** Given; a file in the node's datasets directory for CSV, a table name for JDBC. */
    static boolean isValidLocation(Kind kind, String location) {
        return kind == null ? location != null && !location.isBlank() : NewDatasetBinding.isValidLocation(kind, location);
    }

    /** Empty, or the same kind of location as the dataset's, and for a DATA asset only. */
    static boolean isValidWeights(Kind kind, Asset asset, String weights) {
        if (weights == null || weights.isBlank()) {
            return true;
        }
        return takesWeights(asset) && (kind == null || NewDatasetBinding.isValidWeights(kind, weights));
    }

    /** Whether the asset's dataset may come with weights (no asset chosen yet: as a DATA asset's would). */
    static boolean takesWeights(Asset asset) {
        return asset == null || NewDatasetBinding.takesWeights(asset.assetKind().orElse(null));
    }
}
