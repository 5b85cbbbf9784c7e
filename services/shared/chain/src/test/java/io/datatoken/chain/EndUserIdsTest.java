package io.datatoken.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import io.datatoken.domain.organization.EndUserId;

class EndUserIdsTest {

    @Test
    void an_id_is_the_user_id_left_aligned_and_zero_padded() {
        byte[] id = EndUserIds.toId(EndUserId.of("u-42"));

        assertThat(id).hasSize(32);
        assertThat(Arrays.copyOf(id, 4)).isEqualTo("u-42".getBytes(StandardCharsets.US_ASCII));
        assertThat(Arrays.copyOfRange(id, 4, 32)).containsOnly(0);
        assertThat(EndUserIds.toUserId(id)).isEqualTo(EndUserId.of("u-42"));
    }

    @Test
    void the_longest_id_fills_the_word_and_the_zero_id_is_no_user() {
        EndUserId longest = EndUserId.of("x".repeat(32));

        assertThat(EndUserIds.toUserId(EndUserIds.toId(longest))).isEqualTo(longest);
        assertThat(EndUserIds.toUserId(new byte[32])).isNull();
    }

    @Test
    void ids_the_platform_did_not_write_are_reported() {
        byte[] id = new byte[32];
        id[0] = (byte) 0xff;

        assertThatThrownBy(() -> EndUserIds.toUserId(id)).isInstanceOf(IllegalStateException.class);
    }
}
