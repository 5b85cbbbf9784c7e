package io.datatoken.tracer.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One event of the audit: where and when it happened, who sent its transaction (and for which
 * organization, if the account was one's then), what it says, and the organizations it concerns.
 */
public record AuditEntry(long block, Instant at, String txHash, int logIndex, String contract, String event,
                         String sender, String senderOrganization, Map<String, String> fields,
                         List<Subject> subjects) {

    /** An organization the event concerns: ACTOR, OWNER or PARTY (see the index's event_subject). */
    public record Subject(String organization, String relation) {
    }

    public AuditCursor cursor() {
        return new AuditCursor(block, logIndex);
    }
}
