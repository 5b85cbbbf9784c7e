package io.datatoken.tracer.api;

import io.datatoken.tracer.audit.AuditEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Audit entries as CSV (RFC 4180): one row per event and organization it concerns (an event concerning
 * none, such as an op's publication, has one row with the organization empty), newest first, with the
 * event's fields as name=value pairs.
 */
final class AuditCsv {

    static final String HEADER = "block,time,transaction,log_index,contract,event,sender,sender_organization,"
            + "organization,relation,fields";

    private AuditCsv() {
    }

    static String of(List<AuditEntry> entries) {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        for (AuditEntry e : entries) {
            List<AuditEntry.Subject> subjects = e.subjects().isEmpty() ? List.of(new AuditEntry.Subject("", ""))
                    : e.subjects();
            String fields = e.fields().entrySet().stream().map(f -> f.getKey() + "=" + f.getValue())
                    .collect(Collectors.joining("; "));
            for (AuditEntry.Subject subject : subjects) {
                lines.add(Stream.of(Long.toString(e.block()), e.at().toString(), e.txHash(), Integer.toString(e.logIndex()),
                                e.contract(), e.event(), e.sender(), e.senderOrganization(), subject.organization(),
                                subject.relation(), fields)
                        .map(UsageCsv::field).collect(Collectors.joining(",")));
            }
        }
        return String.join("\r\n", lines) + "\r\n";
    }
}
