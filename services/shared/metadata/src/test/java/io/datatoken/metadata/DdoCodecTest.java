package io.datatoken.metadata;

import static io.datatoken.metadata.Documents.bytes;
import static io.datatoken.metadata.Documents.tree;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.datatoken.domain.asset.AssetKind;
import io.datatoken.domain.asset.Ddo;
import io.datatoken.domain.asset.InvalidDdo;
import io.datatoken.domain.asset.Proof;
import io.datatoken.domain.asset.Violation;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DdoCodecTest {

    private static final DdoCodec CODEC = new DdoCodec();

    @Test
    void parses_every_field_of_a_ddo() {
        Ddo ddo = CODEC.parse(bytes(Documents.DATA));

        assertThat(ddo.kind()).isEqualTo(AssetKind.DATA);
        assertThat(ddo.owner().value()).isEqualTo("bank-a");
        var service = ddo.services().getFirst();
        assertThat(service.type()).isEqualTo("compute-to-data");
        assertThat(service.supportedOps()).hasSize(2);
        assertThat(service.terms().allowedOps().get(Documents.OP_1)).containsEntry("rows", 1_000_000.0).containsEntry("epsilon", 0.5);
        assertThat(service.terms().expiresAt()).isEqualTo(Instant.parse("2030-01-31T00:00:00Z"));
        assertThat(service.terms().maxUses()).isEqualTo(10);
        assertThat(service.terms().minParties()).isEqualTo(3);
        assertThat(service.terms().consumerOrganizations()).extracting(o -> o.value()).containsExactly("fintech-b", "regulator");
        assertThat(service.extraParams()).containsEntry("format", "parquet");
    }

    @ParameterizedTest
    @ValueSource(strings = {Documents.DATA, Documents.COMPUTE, Documents.ALGORITHM})
    void round_trips_through_its_canonical_form(String document) {
        Ddo ddo = CODEC.parse(bytes(document));
        byte[] canonical = CODEC.canonicalBytes(ddo);

        assertThat(CODEC.parse(canonical)).isEqualTo(ddo);
        assertThat(CODEC.canonicalBytes(CODEC.parse(canonical))).isEqualTo(canonical);
        assertThat(CanonicalJson.canonicalize(canonical)).as("already canonical").isEqualTo(canonical);
    }

    @Test
    void the_proof_ignores_key_order_and_whitespace_of_the_input() {
        byte[] pretty = bytes(Documents.ALGORITHM);
        byte[] compact = new String(pretty, UTF_8).replaceAll("\\s*\\n\\s*", "").getBytes(UTF_8);
        var reordered = tree(Documents.ALGORITHM);
        var title = reordered.remove("title");
        reordered.set("title", title); // now last

        Proof proof = CODEC.proofOf(CODEC.parse(pretty));
        assertThat(CODEC.proofOf(CODEC.parse(compact))).isEqualTo(proof);
        assertThat(CODEC.proofOf(CODEC.parse(bytes(reordered)))).isEqualTo(proof);
    }

    @Test
    void the_proof_changes_with_the_content() {
        var changed = tree(Documents.ALGORITHM);
        changed.put("title", "Joint credit model v2");

        assertThat(CODEC.proofOf(CODEC.parse(bytes(changed)))).isNotEqualTo(CODEC.proofOf(CODEC.parse(bytes(Documents.ALGORITHM))));
    }

    @Test
    void the_proof_is_the_sha256_of_the_canonical_bytes() {
        assertThat(CODEC.proofOf("abc".getBytes(UTF_8)).value())
                .isEqualTo("0xba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void refuses_to_parse_an_invalid_document_and_says_why() {
        var ddo = tree(Documents.DATA);
        ddo.remove("owner");

        assertThatExceptionOfType(InvalidDdo.class).isThrownBy(() -> CODEC.parse(bytes(ddo)))
                .satisfies(e -> assertThat(e.violations()).containsExactly(new Violation("/owner", "'owner' is required")))
                .withMessageContaining("/owner");
    }
}
