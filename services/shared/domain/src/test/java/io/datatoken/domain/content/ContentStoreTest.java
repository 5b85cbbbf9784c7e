package io.datatoken.domain.content;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ContentStoreTest {

    @Test
    void accepts_content_up_to_256_kib() {
        assertThatCode(() -> ContentStore.requireWithinLimit(new byte[256 * 1024])).doesNotThrowAnyException();
    }

    @Test
    void rejects_content_over_256_kib() {
        assertThatThrownBy(() -> ContentStore.requireWithinLimit(new byte[256 * 1024 + 1]))
                .isInstanceOf(ContentTooLarge.class)
                .hasMessageContaining("262145")
                .hasMessageContaining("262144");
    }
}
