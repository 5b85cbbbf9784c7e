package io.datatoken.tracer.audit;

import java.util.List;

/** A page of the audit, newest first; {@code next} is the cursor of the following page, null on the last. */
public record AuditPage(List<AuditEntry> entries, String next) {
}
