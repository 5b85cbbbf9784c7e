package io.datatoken.portal.ui.catalog;

import io.datatoken.domain.asset.AssetKind;
import io.datatoken.portal.services.CatalogQuery;

/** What the catalog's filter fields hold; {@link #ANY_KIND} means every kind. */
public class CatalogSearchForm {

    static final String ANY_KIND = "ANY";

    private String text = "";
    private String kind = ANY_KIND;
    private String owner = "";
    private Integer limit = CatalogQuery.DEFAULT_LIMIT;

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getOwner() {
        return owner;
    }

    public void setOwner(String owner) {
        this.owner = owner;
    }

    public Integer getLimit() {
        return limit;
    }

    public void setLimit(Integer limit) {
        this.limit = limit;
    }

    /** The query of a valid form, from result {@code offset} on. */
    CatalogQuery toQuery(int offset) {
        AssetKind assetKind = kind == null || ANY_KIND.equals(kind) ? null : AssetKind.valueOf(kind);
        return new CatalogQuery(blankToNull(text), assetKind, blankToNull(owner), limit, offset);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
