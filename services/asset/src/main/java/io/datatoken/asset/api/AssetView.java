package io.datatoken.asset.api;

import io.datatoken.asset.catalog.CatalogEntry;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A registered asset: its catalog data, where its DDO is (CID) and the proof the chain keeps.
 *
 * @param registrationTx the transaction that registered it (absent if the catalog recovered it from the chain)
 * @param active         whether its whole tree is authorized now (only when one asset is read)
 */
public record AssetView(String dt, String owner, String endUser, String kind, String title, String description,
                        String ddoCid, String proof, List<String> children, List<String> supportedOps,
                        String registrationTx, OffsetDateTime registeredAt, Boolean active) {

    static AssetView of(CatalogEntry e) {
        return of(e, null);
    }

    static AssetView of(CatalogEntry e, Boolean active) {
        return new AssetView(e.dt(), e.ownerOrganization(), e.endUser(), e.kind(), e.title(), e.description(), e.ddoCid(),
                e.proof(), e.children(), e.supportedOps(), e.registrationTx(), e.registeredAt(), active);
    }
}
