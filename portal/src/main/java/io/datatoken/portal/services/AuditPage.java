package io.datatoken.portal.services;

import java.util.List;

/** A page of the audit, newest first; {@code next} is the cursor of the following page, null on the last. */
public record AuditPage(List<AuditEntry> entries, String next) {

    public AuditPage {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }
}
