package io.datatoken.portal.services;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.datatoken.domain.asset.AssetKind;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * A dataset on the organization's own premises bound to one of its assets at its compute node
 * ({@code POST <node>/v1/datasets}): a DATA asset's dataset, with the party's private weights W for
 * ss-share if it runs that, or an ALGORITHM asset's labels. The rules are the node's, so the portal
 * sends nothing it would refuse for its form.
 *
 * @param location a file under the node's datasets directory (CSV, ITEMS) or a table of its database (JDBC)
 * @param weights  where the weights W are, of the same kind; {@code null} for none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NewDatasetBinding(String dt, Kind kind, String location, String weights) {

    /** Where the node reads the data from: a numeric CSV file or table, or a CSV list of identifiers (PSI). */
    public enum Kind { CSV, JDBC, ITEMS }

    /** The portal's bound on a file name; longer is certainly a mistake. */
    public static final int MAX_LOCATION = 255;
    /** The node's table names: lower-case, optionally schema-qualified, never SQL. */
    private static final Pattern TABLE = Pattern.compile("[a-z_][a-z0-9_]{0,62}(\\.[a-z_][a-z0-9_]{0,62})?");

    public NewDatasetBinding {
        if (dt == null || dt.isBlank() || kind == null) {
            throw new IllegalArgumentException("a binding names the asset's dt and the dataset's kind");
        }
        if (!isValidLocation(kind, location)) {
            throw new IllegalArgumentException("not a " + kind + " location: " + location);
        }
        location = location.strip();
        weights = weights == null || weights.isBlank() ? null : weights.strip();
        if (weights != null && !isValidLocation(kind, weights)) {
            throw new IllegalArgumentException("not a " + kind + " location of weights: " + weights);
        }
    }

    /**
     * A CSV file named relative to the node's datasets directory and staying in it (no {@code ..}, no
     * absolute path, no control characters), or a lower-case table name, optionally {@code schema.table}.
     */
    public static boolean isValidLocation(Kind kind, String location) {
        if (kind == null || location == null || location.isBlank()) {
            return false;
        }
        String value = location.strip();
        return switch (kind) {
            case JDBC -> TABLE.matcher(value).matches();
            case CSV, ITEMS -> value.length() <= MAX_LOCATION && !value.startsWith("/") && !value.startsWith("\\")
                    && !value.matches("^[A-Za-z]:.*") && value.chars().noneMatch(Character::isISOControl)
                    && Arrays.stream(value.split("[/\\\\]")).noneMatch(".."::equals);
        };
    }

    /** No weights, or a location of the same kind as the dataset's; a list of identifiers takes none. */
    public static boolean isValidWeights(Kind kind, String weights) {
        return weights == null || weights.isBlank() || (kind != Kind.ITEMS && isValidLocation(kind, weights));
    }

    /** Only a DATA asset's dataset comes with weights; an ALGORITHM asset takes labels alone. */
    public static boolean takesWeights(AssetKind asset) {
        return asset == AssetKind.DATA;
    }

    /** The asset kinds a node binds data to. */
    public static boolean isBindable(AssetKind asset) {
        return asset == AssetKind.DATA || asset == AssetKind.ALGORITHM;
    }
}
