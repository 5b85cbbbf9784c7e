package io.datatoken.portal.services;

import io.datatoken.domain.asset.AssetKind;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A registered asset as the asset service lists it ({@code AssetView}).
 *
 * @param active whether its whole tree is authorized now (only when one asset is read)
 */
public record Asset(String dt, String owner, String kind, String title, String description, String ddoCid,
                    String proof, List<String> children, List<String> supportedOps, String registrationTx,
                    OffsetDateTime registeredAt, Boolean active) {

    public Asset {
        children = children == null ? List.of() : List.copyOf(children);
        supportedOps = supportedOps == null ? List.of() : List.copyOf(supportedOps);
    }

    /** The kind, if it is one the portal knows. */
    public Optional<AssetKind> assetKind() {
        try {
            return Optional.of(AssetKind.valueOf(kind.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException | NullPointerException unknown) {
            return Optional.empty();
        }
    }
}
