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
}
