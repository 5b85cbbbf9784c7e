package io.datatoken.portal.services;

import io.datatoken.domain.organization.ChainAddress;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.token.DataTokenId;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * The audit's filter; {@code null} criteria are left out. The rules are the tracer's, so a query
 * the portal sends is never refused as malformed.
 *
 * @param org     an organization alias
 * @param event   a contract event's name (ReceiptRecorded, Granted, …)
 * @param since   events of blocks at or after it
 * @param until   events of blocks before it
 */
public record AuditQuery(String org, String event, String dt, String account, Instant since, Instant until,
                         int limit) {

    public static final int DEFAULT_LIMIT = 100;
    private static final Pattern EVENT = Pattern.compile("[A-Z][A-Za-z]{1,63}");

    public AuditQuery {
        if (limit < 1 || limit > TracerClient.MAX_AUDIT_LIMIT) {
            throw new IllegalArgumentException("limit must be from 1 to " + TracerClient.MAX_AUDIT_LIMIT);
        }
        if (!isValidRange(since, until)) {
            throw new IllegalArgumentException("since " + since + " must be before until " + until);
        }
    }

    public static boolean isValidOrganization(String org) {
        return isBlank(org) || valid(() -> OrganizationAlias.of(org.strip()));
    }

    public static boolean isValidEvent(String event) {
        return isBlank(event) || EVENT.matcher(event.strip()).matches();
    }

    public static boolean isValidDt(String dt) {
        return isBlank(dt) || valid(() -> DataTokenId.of(dt.strip()));
    }

    public static boolean isValidAccount(String account) {
        return isBlank(account) || valid(() -> ChainAddress.of(account.strip()));
    }

    public static boolean isValidRange(Instant since, Instant until) {
        return since == null || until == null || since.isBefore(until);
    }

    /** The tracer's parameters, from the page before {@code before} (null for the newest). */
    Query toQuery(String before) {
        return Query.of("org", org).and("event", event).and("dt", dt).and("account", account).and("since", since)
                .and("until", until).and("limit", limit).and("before", before);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static boolean valid(Runnable check) {
        try {
            check.run();
            return true;
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }
}
