package io.datatoken.portal.services;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One chain event of the tracer's audit.
 *
 * @param fields   the event's arguments by name, as text
 * @param subjects the organizations it concerns and how (ACTOR, OWNER, PARTY, …)
 */
public record AuditEntry(long block, Instant at, String txHash, int logIndex, String contract, String event,
                         String sender, String senderOrganization, Map<String, String> fields,
                         List<Subject> subjects) {

    public AuditEntry {
        fields = fields == null ? Map.of() : Map.copyOf(fields);
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
    }

    /** An organization an event concerns. */
    public record Subject(String organization, String relation) {
    }
}
