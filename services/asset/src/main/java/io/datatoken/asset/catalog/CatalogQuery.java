package io.datatoken.asset.catalog;

import io.datatoken.domain.asset.AssetKind;
import io.datatoken.domain.organization.OrganizationAlias;

/**
 * A catalog search; every criterion is optional ({@code null}) and given ones must all match.
 *
 * @param text   words found in the title or description, case-insensitively
 * @param kind   the asset kind
 * @param owner  the owning organization
 * @param opHash an op the asset supports
 * @param limit  at most this many results (1..{@value #MAX_LIMIT})
 * @param offset results to skip, for paging
 */
public record CatalogQuery(String text, AssetKind kind, OrganizationAlias owner, String opHash, int limit, int offset) {

    public static final int MAX_LIMIT = 200;
    public static final int DEFAULT_LIMIT = 50;

    public CatalogQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative, was " + offset);
        }
        text = text == null || text.isBlank() ? null : text.strip();
    }
}
