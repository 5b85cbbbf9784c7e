package io.datatoken.domain.op;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.datatoken.domain.content.Cid;

class OpHashTest {

    @Test
    void is_the_sha256_of_the_code_package() {
        // sha-256("abc"), FIPS 180-2 test vector
        assertThat(OpHash.sha256Of("abc".getBytes(StandardCharsets.US_ASCII)).value())
                .isEqualTo("0xba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void equal_whatever_the_case_it_was_written_in() {
        String hex = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        assertThat(OpHash.of("0x" + hex.toUpperCase())).isEqualTo(OpHash.of("0x" + hex));
        assertThatThrownBy(() -> OpHash.of(hex)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("op hash");
    }

    @Test
    void a_trusted_op_checks_name_and_version_as_the_ledger_does() {
        OpHash hash = OpHash.sha256Of(new byte[] {1});
        Cid cid = Cid.of(new byte[] {1});
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        assertThat(new TrustedOp(hash, "psi", "1.0.0", cid, false, now).usable()).isTrue();
        assertThat(new TrustedOp(hash, "psi", "1.0.0", cid, true, now).usable()).isFalse();
        assertThat(new TrustedOp(hash, "x".repeat(64), "v".repeat(32), cid, false, now).name()).hasSize(64);
        assertThatThrownBy(() -> new TrustedOp(hash, " ", "1", cid, false, now)).hasMessageContaining("name");
        assertThatThrownBy(() -> new TrustedOp(hash, "x".repeat(65), "1", cid, false, now)).hasMessageContaining("65");
        assertThatThrownBy(() -> new TrustedOp(hash, "psi", "v".repeat(33), cid, false, now)).hasMessageContaining("version");
    }
}
