package io.datatoken.tracer.api;

import io.datatoken.tracer.lineage.GrantView;
import io.datatoken.tracer.lineage.JobView;
import io.datatoken.tracer.lineage.ReceiptView;
import io.datatoken.tracer.lineage.UsageView;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A DT's usage as CSV (RFC 4180) for spreadsheets and auditors: one row per fact — each job, each
 * receipt, each grant or revocation — in block order, with the transaction that proves it.
 */
final class UsageCsv {

    static final String HEADER = "block,fact,job,dt,op,organization,state_or_result,transaction";

    private UsageCsv() {
    }

    static String of(UsageView usage) {
        List<Row> rows = new ArrayList<>();
        for (JobView j : usage.jobs()) {
            rows.add(new Row(j.submittedBlock(), "job", j.job(), j.algorithm(), "", j.owner(), j.state(), j.txHash()));
        }
        for (ReceiptView r : usage.receipts()) {
            rows.add(new Row(r.blockNumber(), "receipt", r.job(), r.dt(), r.op(), r.party(), r.resultHash(), r.txHash()));
        }
        for (GrantView g : usage.grants()) {
            rows.add(new Row(g.blockNumber(), g.change().toLowerCase(Locale.ROOT), "", g.child(), "", g.by(),
                    "to " + g.parent(), g.txHash()));
        }
        rows.sort((a, b) -> Long.compare(a.block(), b.block()));
        return Stream.concat(Stream.of(HEADER), rows.stream().map(Row::line)).collect(Collectors.joining("\r\n", "", "\r\n"));
    }

    private record Row(long block, String fact, String job, String dt, String op, String organization, String value,
                       String tx) {
        String line() {
            return Stream.of(Long.toString(block), fact, job, dt, op, organization, value, tx).map(UsageCsv::field)
                    .collect(Collectors.joining(","));
        }
    }

    /** Quoted when it holds a comma, quote or line break; quotes doubled. */
    static String field(String value) {
        String text = value == null ? "" : value;
        boolean quoted = text.chars().anyMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n');
        return quoted ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
