package io.datatoken.compute.refusals;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The text a node signs for the tracer, and which refusals it reports. */
class RefusalTest {

    /** The tracer's ReportedRefusalTest holds its ReportedRefusal to this same text: change both or neither. */
    static final String SIGNED_TEXT = """
            datatoken-refusal/1
            0b6f3c2e-8d1a-4f5b-9c3e-2a7d6e5f4c3b
            0x5555555555555555555555555555555555555555555555555555555555555555
            0xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa

            job-not-running replayed
            0x34b7281b3884c0dd4944cd2eea9af7714d6c25dd93f82c1a9703c4252189eff3
            2026-11-23T12:00:00.123456Z""";

    private static final UUID ID = UUID.fromString("0b6f3c2e-8d1a-4f5b-9c3e-2a7d6e5f4c3b");
    private static final String JOB = "0x" + "5".repeat(64);
    private static final String DT = "0x" + "a".repeat(64);

    @Test
    void the_signed_text_is_every_field_on_its_line_an_absent_op_empty_the_detail_by_its_hash() {
        Refusal refusal = new Refusal(ID, JOB, DT, null, "job-not-running replayed",
                "the job is SUBMITTED, not RUNNING; nonce 0x01 was used before",
                Instant.parse("2026-11-23T12:00:00.123456789Z"));

        assertThat(new String(refusal.signedBytes(), StandardCharsets.UTF_8)).isEqualTo(SIGNED_TEXT);
    }

    @Test
    void a_refusal_about_another_organizations_asset_is_not_reportable() {
        Instant at = Instant.parse("2026-11-23T12:00:00Z");

        assertThat(new Refusal(ID, JOB, DT, null, "replayed", "d", at).reportable()).isTrue();
        assertThat(new Refusal(ID, JOB, DT, null, "expired not-this-nodes-asset", "d", at).reportable()).isFalse();
        assertThat(new Refusal(ID, JOB, DT, null, "not-this-nodes-asset", "d", at).reportable()).isFalse();
    }

    @Test
    void a_detail_longer_than_the_tracer_takes_is_cut() {
        Refusal refusal = new Refusal(ID, JOB, DT, null, "replayed", "x".repeat(5000),
                Instant.parse("2026-11-23T12:00:00Z"));

        assertThat(refusal.detail()).hasSize(Refusal.MAX_DETAIL).endsWith("…");
    }
}
