package io.datatoken.compute.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datatoken.domain.market.JobId;
import io.datatoken.domain.token.DataTokenId;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TransferRoundsTest {

    private static final JobId JOB = JobId.of("0x" + "1".repeat(64));
    private static final DataTokenId FROM = DataTokenId.of("0x" + "2".repeat(64));
    private static final DataTokenId TO = DataTokenId.of("0x" + "3".repeat(64));

    @Test
    void a_kind_of_training_rounds_names_its_round_and_the_others_none() {
        assertThat(RunInput.Kind.FL_MASKED.roundOf(3)).isEqualTo(3);
        assertThat(RunInput.Kind.SHARE.roundOf(null)).isZero();
        assertThat(RunInput.Kind.FL_MODEL.roundOf(0)).as("the final model belongs to no round").isZero();
        assertThatThrownBy(() -> RunInput.Kind.FL_MASKED.roundOf(null)).hasMessageContaining("names its round, 1 to 100");
        assertThatThrownBy(() -> RunInput.Kind.FL_MASKED.roundOf(101)).hasMessageContaining("1 to 100");
        assertThatThrownBy(() -> RunInput.Kind.PSI_QUERY.roundOf(2)).hasMessageContaining("belongs to no round");
    }

    @Test
    void the_round_is_signed_with_the_kind_and_round_zero_signs_as_before_rounds() {
        String withoutRound = new String(Transfer.signedBytes(JOB, FROM, TO, RunInput.Kind.SHARE, 0, "0xab"),
                StandardCharsets.UTF_8);
        String withRound = new String(Transfer.signedBytes(JOB, FROM, TO, RunInput.Kind.FL_SHARES, 7, "0xab"),
                StandardCharsets.UTF_8);

        assertThat(withoutRound).isEqualTo(String.join("\n", "datatoken-transfer/1", JOB.value(), FROM.value(),
                TO.value(), "SHARE", "0xab"));
        assertThat(withRound.lines()).contains("FL_SHARES/7");
        assertThat(Transfer.signedBytes(JOB, FROM, TO, RunInput.Kind.FL_SHARES, 8, "0xab"))
                .as("another round is another message").isNotEqualTo(withRound.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void each_kind_routes_from_one_op_and_only_the_results_go_to_the_algorithm() {
        assertThat(RunInput.Kind.PAILLIER_KEY.toOps()).containsExactly("paillier-encrypt", "paillier-sum");
        assertThat(RunInput.Kind.values()).filteredOn(k -> k.toOps().isEmpty())
                .containsExactlyInAnyOrder(RunInput.Kind.PARTIAL_SUM, RunInput.Kind.STATS_PARTIAL, RunInput.Kind.FL_MODEL);
    }
}
