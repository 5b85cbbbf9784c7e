package io.datatoken.domain.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.datatoken.domain.organization.OrganizationAlias;

class MarketValuesTest {

    @Test
    void ids_and_hashes_are_32_bytes_of_hex() {
        String hex = "0x" + "c".repeat(64);
        assertThat(TaskId.of(hex).value()).isEqualTo(hex);
        assertThat(JobId.of(hex.toUpperCase().replace("0X", "0x"))).isEqualTo(JobId.of(hex));
        assertThat(ResultHash.of(hex).toString()).isEqualTo(hex);
        assertThatThrownBy(() -> TaskId.of("0xc")).hasMessageContaining("task id");
        assertThatThrownBy(() -> JobId.of("c".repeat(64))).hasMessageContaining("job id");
        assertThatThrownBy(() -> ResultHash.of("0x" + "0".repeat(64))).hasMessageContaining("result hash");
    }

    @Test
    void job_lifecycle_moves_forward_only_and_revokes_before_it_ends() {
        assertThat(JobState.SUBMITTED.canMoveTo(JobState.AUTHORIZED)).isTrue();
        assertThat(JobState.AUTHORIZED.canMoveTo(JobState.RUNNING)).isTrue();
        assertThat(JobState.RUNNING.canMoveTo(JobState.SUCCEEDED)).isTrue();
        assertThat(JobState.RUNNING.canMoveTo(JobState.FAILED)).isTrue();
        assertThat(JobState.SUBMITTED.canMoveTo(JobState.RUNNING)).isFalse();
        assertThat(JobState.AUTHORIZED.canMoveTo(JobState.SUCCEEDED)).isFalse();
        for (JobState state : JobState.values()) {
            assertThat(state.canMoveTo(JobState.REVOKED)).as(state + " -> REVOKED").isEqualTo(!state.isTerminal());
            if (state.isTerminal()) {
                for (JobState next : JobState.values()) {
                    assertThat(state.canMoveTo(next)).isFalse();
                }
            }
        }
        assertThat(JobState.values()).filteredOn(JobState::isTerminal)
                .containsExactly(JobState.SUCCEEDED, JobState.FAILED, JobState.REVOKED);
    }

    @Test
    void a_task_description_is_checked_as_the_ledger_does() {
        TaskId id = TaskId.of("0x" + "d".repeat(64));
        OrganizationAlias owner = OrganizationAlias.of("insurer-c");
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        assertThat(new Task(id, owner, "x".repeat(1024), true, now, null).open()).isTrue();
        assertThatThrownBy(() -> new Task(id, owner, "x".repeat(1025), true, now, null)).hasMessageContaining("1025");
        assertThatThrownBy(() -> new Task(id, owner, "  ", true, now, null)).hasMessageContaining("blank");
    }
}
