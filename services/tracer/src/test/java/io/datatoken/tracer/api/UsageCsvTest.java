package io.datatoken.tracer.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.datatoken.tracer.lineage.GrantView;
import io.datatoken.tracer.lineage.JobView;
import io.datatoken.tracer.lineage.ReceiptView;
import io.datatoken.tracer.lineage.TokenView;
import io.datatoken.tracer.lineage.UsageView;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsageCsvTest {

    @Test
    void every_job_receipt_and_grant_is_a_row_in_block_order_with_its_transaction() {
        var usage = new UsageView("0xa", new TokenView("0xa", 0, "bank-a", "DATA", 3L, "0xt3"), List.of(),
                List.of(new JobView("0xj", "0xk", "0xc", "fintech-c", "SUCCEEDED", 7, 9L, "0xt7")),
                List.of(new ReceiptView("0xj", "0xa", "0xo", "0xr", "bank-a", 8, "0xt8", 0)),
                List.of(new GrantView("0xa", "0xc", "GRANTED", 0L, "0xb", 5, "0xt5")));

        assertThat(UsageCsv.of(usage).split("\r\n")).containsExactly(
                UsageCsv.HEADER,
                "5,granted,,0xa,,0xb,to 0xc,0xt5",
                "7,job,0xj,0xc,,fintech-c,SUCCEEDED,0xt7",
                "8,receipt,0xj,0xa,0xo,bank-a,0xr,0xt8");
    }

    @Test
    void a_field_with_a_comma_quote_or_line_break_is_quoted() {
        assertThat(UsageCsv.field("plain")).isEqualTo("plain");
        assertThat(UsageCsv.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(UsageCsv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(UsageCsv.field("two\nlines")).isEqualTo("\"two\nlines\"");
    }
}
