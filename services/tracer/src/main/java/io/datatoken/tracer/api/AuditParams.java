package io.datatoken.tracer.api;

import io.datatoken.domain.organization.ChainAddress;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.support.web.Params;
import io.datatoken.support.web.ProblemException;
import io.datatoken.tracer.audit.AuditCursor;
import io.datatoken.tracer.audit.AuditFilter;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/** The audit's query parameters, each refused as a 400 that names the value and its form. */
final class AuditParams {

    static final int DEFAULT_LIMIT = 100;
    /** JSON pages stay small; an export (CSV) may take up to the filter's maximum at once. */
    static final int MAX_JSON_LIMIT = 1000;

    private static final Pattern EVENT = Pattern.compile("[A-Z][A-Za-z]{1,63}");

    private AuditParams() {
    }

    static AuditFilter filter(String org, String dt, String account, String event, String since, String until,
                              String before, String limit, int defaultLimit, int maxLimit) {
        Optional<Instant> from = Optional.ofNullable(Params.instantOrNull("since", since));
        Optional<Instant> to = Optional.ofNullable(Params.instantOrNull("until", until));
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "empty-range", "since " + from.get()
                    + " must be before until " + to.get());
        }
        return new AuditFilter(present(org).map(AuditParams::organization),
                present(dt).map(value -> Params.dataTokenId("dt", value).value()),
                present(account).map(AuditParams::account), present(event).map(AuditParams::event), from, to,
                present(before).map(AuditParams::cursor), limit(limit, defaultLimit, maxLimit));
    }

    private static Optional<String> present(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private static String organization(String value) {
        try {
            return OrganizationAlias.of(value).value();
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "malformed-org", "org '" + value
                    + "' must be an organization alias (lower-case letters, digits and hyphens)");
        }
    }

    private static String account(String value) {
        try {
            return ChainAddress.of(value).value();
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "malformed-account", "account '" + value
                    + "' must be a chain address: 0x followed by 40 hex digits");
        }
    }

    private static String event(String value) {
        if (!EVENT.matcher(value).matches()) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "malformed-event", "event '" + value
                    + "' must be a contract event's name such as Granted, JobSubmitted or ReceiptRecorded");
        }
        return value;
    }

    private static AuditCursor cursor(String value) {
        return AuditCursor.parse(value).orElseThrow(() -> new ProblemException(Response.Status.BAD_REQUEST,
                "malformed-before", "before '" + value + "' must be the next cursor of a previous page (block-logIndex)"));
    }

    private static int limit(String value, int defaultLimit, int maxLimit) {
        if (value == null || value.isBlank()) {
            return defaultLimit;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= maxLimit) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new ProblemException(Response.Status.BAD_REQUEST, "malformed-limit",
                "limit '" + value + "' must be a whole number from 1 to " + maxLimit);
    }
}
