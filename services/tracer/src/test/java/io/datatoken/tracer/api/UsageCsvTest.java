package io.datatoken.tracer.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.datatoken.tracer.lineage.GrantView;
import io.datatoken.tracer.lineage.JobView;
import io.datatoken.tracer.lineage.ReceiptView;
import io.datatoken.tracer.lineage.TokenView;
import io.datatoken.tracer.lineage.UsageView;
import io.datatoken.tracer.refusals.RefusalView;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsageCsvTest {

    @Test
    void every_job_receipt_grant_and_refusal_is_a_row_in_time_order_with_its_account_and_transaction() {
        Instant t = Instant.parse("2027-01-01T00:00:00Z");
        var usage = new UsageView("0xa", new TokenView("0xa", 0, "bank-a", "DATA", 3L, "0xt3", t, "0xb", null, null), List.of(),
                List.of(new JobView("0xj", "0xk", "0xc", "fintech-c", "SUCCEEDED", 7, 9L, "0xt7", t.plusSeconds(14),
                        "0xf")),
                List.of(new ReceiptView("0xj", "0xa", "0xo", "0xr", "bank-a", 8, "0xt8", 0, t.plusSeconds(16), "0xn")),
                List.of(new GrantView("0xa", "0xc", "GRANTED", 0L, "0xb", 5, "0xt5", t.plusSeconds(10))),
                List.of(new RefusalView("id", "bank-a", "0xn", "0xj2", "0xa", null, "replayed", "nonce spent",
                        t.plusSeconds(15), t.plusSeconds(16))));

        assertThat(UsageCsv.of(usage).split("\r\n")).containsExactly(
                UsageCsv.HEADER,
                "2027-01-01T00:00:10Z,5,granted,,0xa,,,0xb,to 0xc,0xt5",
                "2027-01-01T00:00:14Z,7,job,0xj,0xc,,fintech-c,0xf,SUCCEEDED,0xt7",
                "2027-01-01T00:00:15Z,,refusal,0xj2,0xa,,bank-a,0xn,replayed: nonce spent,",
                "2027-01-01T00:00:16Z,8,receipt,0xj,0xa,0xo,bank-a,0xn,0xr,0xt8");
    }

    @Test
    void a_field_with_a_comma_quote_or_line_break_is_quoted() {
        assertThat(UsageCsv.field("plain")).isEqualTo("plain");
        assertThat(UsageCsv.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(UsageCsv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(UsageCsv.field("two\nlines")).isEqualTo("\"two\nlines\"");
        // text a spreadsheet would run as a formula (descriptions are anyone's text) is kept as text
        assertThat(UsageCsv.field("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(UsageCsv.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    }
}
