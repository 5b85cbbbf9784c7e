package io.datatoken.portal.ui.audit;

import io.datatoken.portal.services.AuditQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * What the audit's filter fields hold. Dates are days in UTC (the times the portal shows): from the
 * start of {@code since} to the end of {@code until}.
 */
public class AuditFilterForm {

    private String organization = "";
    private String event = "";
    private String dt = "";
    private String account = "";
    private LocalDate since;
    private LocalDate until;

    /** Both days given, {@code since} is not after {@code until}. */
    static boolean isValidRange(LocalDate since, LocalDate until) {
        return since == null || until == null || !since.isAfter(until);
    }

    /** The query of a valid form. */
    AuditQuery toQuery(int limit) {
        return new AuditQuery(blankToNull(organization), blankToNull(event), lower(blankToNull(dt)),
                lower(blankToNull(account)), startOf(since), until == null ? null : startOf(until.plusDays(1)), limit);
    }

    private static Instant startOf(LocalDate day) {
        return day == null ? null : day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    public String getOrganization() {
        return organization;
    }

    public void setOrganization(String organization) {
        this.organization = organization;
    }

    public String getEvent() {
        return event;
    }

    public void setEvent(String event) {
        this.event = event;
    }

    public String getDt() {
        return dt;
    }

    public void setDt(String dt) {
        this.dt = dt;
    }

    public String getAccount() {
        return account;
    }

    public void setAccount(String account) {
        this.account = account;
    }

    public LocalDate getSince() {
        return since;
    }

    public void setSince(LocalDate since) {
        this.since = since;
    }

    public LocalDate getUntil() {
        return until;
    }

    public void setUntil(LocalDate until) {
        this.until = until;
    }
}
