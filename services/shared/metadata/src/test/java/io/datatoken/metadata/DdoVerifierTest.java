package io.datatoken.metadata;

import static io.datatoken.metadata.Documents.bytes;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.datatoken.domain.asset.Ddo;
import io.datatoken.domain.asset.DdoRejected;
import io.datatoken.domain.asset.DdoTampered;
import io.datatoken.domain.asset.InvalidDdo;
import io.datatoken.domain.asset.Proof;
import org.junit.jupiter.api.Test;

class DdoVerifierTest {

    private static final DdoCodec CODEC = new DdoCodec();
    private static final DdoVerifier VERIFIER = new DdoVerifier(CODEC);

    /** What a writer stores, and the proof it records on chain. */
    private static final byte[] STORED = CODEC.canonicalBytes(CODEC.parse(bytes(Documents.DATA)));
    private static final Proof ON_CHAIN = CODEC.proofOf(STORED);

    @Test
    void returns_the_ddo_the_chain_vouches_for() {
        Ddo ddo = VERIFIER.verify(STORED, ON_CHAIN);

        assertThat(ddo).isEqualTo(CODEC.parse(bytes(Documents.DATA)));
    }

    @Test
    void detects_one_changed_character() {
        String text = new String(STORED, UTF_8);
        byte[] tampered = text.replace("\"maxUses\":10", "\"maxUses\":19").getBytes(UTF_8);
        assertThat(tampered).isNotEqualTo(STORED);

        assertThatExceptionOfType(DdoTampered.class).isThrownBy(() -> VERIFIER.verify(tampered, ON_CHAIN))
                .satisfies(e -> assertThat(e.expected()).isEqualTo(ON_CHAIN))
                .satisfies(e -> assertThat(e.actual()).isEqualTo(CODEC.proofOf(tampered)))
                .withMessageContaining(ON_CHAIN.value()).withMessageContaining(CODEC.proofOf(tampered).value());
    }

    @Test
    void detects_a_document_verified_against_another_proof() {
        Proof other = CODEC.proofOf(CODEC.parse(bytes(Documents.COMPUTE)));

        assertThatExceptionOfType(DdoTampered.class).isThrownBy(() -> VERIFIER.verify(STORED, other));
    }

    @Test
    void rejects_an_invalid_document_before_comparing_proofs() {
        byte[] broken = new String(STORED, UTF_8).replace("\"kind\":\"DATA\"", "\"kind\":\"DATUM\"").getBytes(UTF_8);

        assertThatExceptionOfType(InvalidDdo.class).isThrownBy(() -> VERIFIER.verify(broken, ON_CHAIN))
                .isInstanceOf(DdoRejected.class);
    }

    @Test
    void accepts_the_same_document_reformatted() {
        assertThat(VERIFIER.verify(bytes(Documents.DATA), ON_CHAIN)).isNotNull();
    }
}
