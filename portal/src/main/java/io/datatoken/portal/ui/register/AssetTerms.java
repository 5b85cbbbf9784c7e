package io.datatoken.portal.ui.register;

import io.datatoken.domain.organization.OrganizationAlias;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The rules of the register form's fields, as the DDO schema states them, so nothing invalid is sent. */
public final class AssetTerms {

    public static final int MAX_TITLE = 200;
    public static final int MAX_DESCRIPTION = 20_000;

    private AssetTerms() {
    }

    public static boolean isValidTitle(String title) {
        return title != null && !title.isBlank() && title.strip().length() <= MAX_TITLE;
    }

    public static boolean isValidDescription(String description) {
        return description == null || description.strip().length() <= MAX_DESCRIPTION;
    }

    /** Aliases separated by commas or spaces; none means any organization. */
    static List<String> consumers(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.strip().split("[,\\s]+")).filter(s -> !s.isEmpty()).distinct().toList();
    }

    static boolean isValidConsumers(String text) {
        try {
            consumers(text).forEach(OrganizationAlias::of);
            return true;
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    /** An absolute http(s) URL with a host: where the owner's node takes compute requests. */
    public static boolean isValidEndpoint(String endpoint) {
        if (endpoint == null || endpoint.isBlank()) {
            return false;
        }
        try {
            URI uri = new URI(endpoint.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException malformed) {
            return false;
        }
    }

    /** No expiry, or a day after today (the terms end at the start of that day, UTC). */
    static boolean isValidExpiry(LocalDate expiry, LocalDate today) {
        return expiry == null || expiry.isAfter(today);
    }

    /** Unlimited (empty) or at least one use. */
    static boolean isValidMaxUses(Integer maxUses) {
        return maxUses == null || maxUses >= 1;
    }
}
