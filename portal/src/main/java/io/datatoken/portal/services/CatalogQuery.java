package io.datatoken.portal.services;

import io.datatoken.domain.asset.AssetKind;
import io.datatoken.domain.organization.OrganizationAlias;

/**
 * A catalog search; {@code null} criteria are left out. The bounds are the asset service's.
 *
 * @param text  words of the title or description
 * @param owner the owning organization's alias
 */
public record CatalogQuery(String text, AssetKind kind, String owner, int limit, int offset) {

    /** The most the asset service answers per page. */
    public static final int MAX_LIMIT = 200;
    public static final int DEFAULT_LIMIT = 50;
    /** The portal's bound on search text; longer text is certainly a mistake. */
    public static final int MAX_TEXT = 200;

    public CatalogQuery {
        if (!isValidLimit(limit)) {
            throw new IllegalArgumentException("limit must be from 1 to " + MAX_LIMIT + ", was " + limit);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative, was " + offset);
        }
        if (owner != null && !owner.isBlank() && !isValidOwner(owner)) {
            throw new IllegalArgumentException("not an organization alias: " + owner);
        }
    }

    public static CatalogQuery everything() {
        return new CatalogQuery(null, null, null, DEFAULT_LIMIT, 0);
    }

    public static boolean isValidLimit(int limit) {
        return limit >= 1 && limit <= MAX_LIMIT;
    }

    /** An organization alias (lower-case letters, digits, inner hyphens), as the service requires. */
    public static boolean isValidOwner(String owner) {
        try {
            OrganizationAlias.of(owner.strip());
            return true;
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    public static boolean isValidText(String text) {
        return text == null || text.strip().length() <= MAX_TEXT;
    }

    Query toQuery() {
        return Query.of("q", text).and("kind", kind).and("owner", owner).and("limit", limit).and("offset", offset);
    }
}
