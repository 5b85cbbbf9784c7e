package io.datatoken.tracer.refusals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datatoken.domain.market.JobId;
import io.datatoken.domain.op.OpHash;
import io.datatoken.domain.token.DataTokenId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The text a node signs, and what a refusal may hold. */
class ReportedRefusalTest {

    /** The compute node's RefusalTest holds its Refusal to this same text: change both or neither. */
    static final String SIGNED_TEXT = """
            datatoken-refusal/1
            0b6f3c2e-8d1a-4f5b-9c3e-2a7d6e5f4c3b
            0x5555555555555555555555555555555555555555555555555555555555555555
            0xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa

            job-not-running replayed
            0x34b7281b3884c0dd4944cd2eea9af7714d6c25dd93f82c1a9703c4252189eff3
            2026-11-23T12:00:00.123456Z""";

    private static final UUID ID = UUID.fromString("0b6f3c2e-8d1a-4f5b-9c3e-2a7d6e5f4c3b");
    private static final JobId JOB = JobId.of("0x" + "5".repeat(64));
    private static final DataTokenId DT = DataTokenId.of("0x" + "a".repeat(64));
    private static final Instant AT = Instant.parse("2026-11-23T12:00:00.123456Z");

    @Test
    void the_signed_text_is_every_field_on_its_line_an_absent_op_empty_the_detail_by_its_hash() {
        ReportedRefusal refusal = new ReportedRefusal(ID, JOB, DT, null, "job-not-running replayed",
                "the job is SUBMITTED, not RUNNING; nonce 0x01 was used before", AT);

        assertThat(new String(refusal.signedBytes(), StandardCharsets.UTF_8)).isEqualTo(SIGNED_TEXT);
    }

    @Test
    void the_detail_hash_is_sha256_of_its_utf8() {
        assertThat(ReportedRefusal.sha256("")).isEqualTo(
                "0xe3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void any_change_of_a_field_changes_the_content_hash() {
        ReportedRefusal refusal = new ReportedRefusal(ID, JOB, DT, OpHash.of("0x" + "c".repeat(64)), "replayed", "d",
                AT);

        assertThat(refusal.contentHash()).isEqualTo(new ReportedRefusal(ID, JOB, DT, OpHash.of("0x" + "c".repeat(64)),
                "replayed", "d", AT).contentHash());
        assertThat(refusal.contentHash())
                .isNotEqualTo(new ReportedRefusal(ID, JOB, DT, null, "replayed", "d", AT).contentHash())
                .isNotEqualTo(new ReportedRefusal(ID, null, DT, OpHash.of("0x" + "c".repeat(64)), "replayed", "d", AT)
                        .contentHash())
                .isNotEqualTo(new ReportedRefusal(ID, JOB, DT, OpHash.of("0x" + "c".repeat(64)), "replayed", "e", AT)
                        .contentHash())
                .isNotEqualTo(new ReportedRefusal(ID, JOB, DT, OpHash.of("0x" + "c".repeat(64)), "replayed", "d",
                        AT.plusNanos(1000)).contentHash());
    }

    @Test
    void codes_are_lower_case_words_and_a_detail_has_a_bound() {
        assertThatThrownBy(() -> new ReportedRefusal(ID, JOB, DT, null, "Job Not Running", "d", AT))
                .hasMessageContaining("'code' must be one or more refusal codes");
        assertThatThrownBy(() -> new ReportedRefusal(ID, JOB, DT, null, "replayed  expired", "d", AT))
                .hasMessageContaining("'code'");
        assertThatThrownBy(() -> new ReportedRefusal(ID, JOB, DT, null, null, "d", AT)).hasMessageContaining("absent");
        assertThatThrownBy(() -> new ReportedRefusal(ID, JOB, DT, null, "replayed", "x".repeat(4001), AT))
                .hasMessageContaining("at most 4000 characters");
        assertThatThrownBy(() -> new ReportedRefusal(ID, JOB, DT, null, "replayed", "d", AT.plusNanos(1)))
                .hasMessageContaining("microsecond");
    }
}
