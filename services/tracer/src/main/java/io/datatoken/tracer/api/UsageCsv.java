package io.datatoken.tracer.api;

import io.datatoken.tracer.lineage.GrantView;
import io.datatoken.tracer.lineage.JobView;
import io.datatoken.tracer.lineage.ReceiptView;
import io.datatoken.tracer.lineage.UsageView;
import io.datatoken.tracer.refusals.RefusalView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A DT's usage as CSV (RFC 4180) for spreadsheets and auditors: one row per fact — each job, each
 * receipt, each grant or revocation, each refusal — in time order, with the transaction that proves it
 * (a refusal has none: its node signed the report) and the account that acted.
 */
final class UsageCsv {

    static final String HEADER = "time,block,fact,job,dt,op,organization,account,state_or_result,transaction";

    private UsageCsv() {
    }

    static String of(UsageView usage) {
        List<Row> rows = new ArrayList<>();
        for (JobView j : usage.jobs()) {
            rows.add(new Row(j.submittedAt(), j.submittedBlock(), "job", j.job(), j.algorithm(), "", j.owner(),
                    j.submittedBy(), j.state(), j.txHash()));
        }
        for (ReceiptView r : usage.receipts()) {
            rows.add(new Row(r.recordedAt(), r.blockNumber(), "receipt", r.job(), r.dt(), r.op(), r.party(),
                    r.recordedBy(), r.resultHash(), r.txHash()));
        }
        for (GrantView g : usage.grants()) {
            rows.add(new Row(g.at(), g.blockNumber(), g.change().toLowerCase(Locale.ROOT), "", g.child(), "", "",
                    g.by(), "to " + g.parent(), g.txHash()));
        }
        for (RefusalView r : usage.refusals()) {
            rows.add(new Row(r.refusedAt(), null, "refusal", r.job(), r.dt(), r.op(), r.organization(), r.signer(),
                    r.code() + ": " + r.detail(), ""));
        }
        rows.sort(Comparator.comparing(Row::time, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Row::block, Comparator.nullsLast(Comparator.naturalOrder())));
        return Stream.concat(Stream.of(HEADER), rows.stream().map(Row::line)).collect(Collectors.joining("\r\n", "", "\r\n"));
    }

    private record Row(Instant time, Long block, String fact, String job, String dt, String op, String organization,
                       String account, String value, String tx) {
        String line() {
            return Stream.of(time == null ? "" : time.toString(), block == null ? "" : block.toString(), fact, job, dt,
                    op, organization, account, value, tx).map(UsageCsv::field).collect(Collectors.joining(","));
        }
    }

    /**
     * Quoted when it holds a comma, quote or line break; quotes doubled. Text a spreadsheet would take
     * for a formula (a task's description is anyone's text) starts with an apostrophe.
     */
    static String field(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        boolean quoted = text.chars().anyMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n');
        return quoted ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
