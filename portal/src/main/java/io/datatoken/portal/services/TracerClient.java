package io.datatoken.portal.services;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The tracer's API ({@code /tracer/api/v1}): lineage, usage and audit from its index of the chain. */
@ApplicationScoped
public class TracerClient {

    static final String BASE = "/tracer/api/v1";
    /** The most events the tracer answers per JSON page. */
    public static final int MAX_AUDIT_LIMIT = 1000;

    private ServicesClient client;

    /** For CDI proxies only. */
    protected TracerClient() {
    }

    @Inject
    public TracerClient(ServicesClient client) {
        this.client = client;
    }

    /**
     * The newest events the user may read: their organization's, or every organization's for a
     * regulator or an admin.
     */
    public AuditPage recentEvents(int limit) {
        return audit(Query.of("limit", limit));
    }

    /** The audit with any of its filters ({@code org, dt, account, event, since, until, before, limit}). */
    public AuditPage audit(Query filters) {
        return client.get(BASE + "/audit", filters, AuditPage.class);
    }

    /** A page of the audit under a filter, the newest first or the one after cursor {@code before}. */
    public AuditPage audit(AuditQuery query, String before) {
        return audit(query.toQuery(before));
    }

    /**
     * The same filter as CSV for export (one row per event and organization concerned, up to the
     * tracer's export maximum; the JSON page size does not apply).
     */
    public String auditCsv(AuditQuery query) {
        return client.getText(BASE + "/audit", Query.of("org", query.org()).and("event", query.event())
                .and("dt", query.dt()).and("account", query.account()).and("since", query.since())
                .and("until", query.until()), "text/csv");
    }

    /** The requests compute nodes refused concerning an organization ({@code null}: the user's, or all for a regulator). */
    public RefusalPage refusals(String org, int limit, String before) {
        return client.get(BASE + "/audit/refusals", Query.of("org", org).and("limit", limit).and("before", before),
                RefusalPage.class);
    }

    /** A DT's lineage: {@code up} the compositions made of it (and their jobs), {@code down} what it is made of. */
    public Lineage lineage(String dt, boolean up, int depth) {
        return client.get(BASE + "/lineage/" + dt, Query.of("direction", up ? "up" : "down").and("depth", depth),
                Lineage.class);
    }

    /** A DT's usage: jobs, receipts, grant changes and refusals. */
    public Usage usage(String dt) {
        return client.get(BASE + "/usage/" + dt, Query.none(), Usage.class);
    }

    /** The signed-in end user's own DTs with their uses, the newest first (an end user's call only). */
    public EndUserTokens myTokens() {
        return client.get(BASE + "/end-users/me/tokens", Query.none(), EndUserTokens.class);
    }
}
