package io.datatoken.portal.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PendingLoginTest {

    private final PendingLogin pending = new PendingLogin("expected-state", "nonce", "verifier", "/portal/");

    @Test
    void acceptsItsOwnState() {
        assertThatCode(() -> pending.checkState("expected-state")).doesNotThrowAnyException();
    }

    @Test
    void rejectsAForeignOrMissingState() {
        assertThatThrownBy(() -> pending.checkState("other-state")).isInstanceOf(LoginFailedException.class);
        assertThatThrownBy(() -> pending.checkState(null)).isInstanceOf(LoginFailedException.class);
        assertThatThrownBy(() -> pending.checkState("")).isInstanceOf(LoginFailedException.class);
    }
}
