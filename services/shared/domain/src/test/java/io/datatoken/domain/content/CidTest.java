package io.datatoken.domain.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Vectors were produced by the dev IPFS node (dev/ipfs-node, Helia) with add?cid-version=1&raw-leaves=true. */
class CidTest {

    @Test
    void computes_the_cid_ipfs_gives_to_a_small_document() {
        assertThat(Cid.of("hello world".getBytes(StandardCharsets.UTF_8)))
                .hasToString("bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e");
        assertThat(Cid.of("{\"document\":\"DataToken\"}".getBytes(StandardCharsets.UTF_8)))
                .hasToString("bafkreiaih2ypss7gbdidkdx6pgpd4c2qahoarb6pjjiykh45kzmr22bpvq");
    }

    @Test
    void computes_the_cid_of_empty_content() {
        assertThat(Cid.of(new byte[0]))
                .hasToString("bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku");
    }

    @Test
    void computes_the_cid_of_a_document_at_the_size_limit() {
        byte[] content = new byte[ContentStore.MAX_CONTENT_BYTES];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i % 251);
        }
        assertThat(Cid.of(content)).hasToString("bafkreibruh455iawsviqslif5c7uurdcfdemh22mtnytyzvnzn75kpejxy");
    }

    @Test
    void parses_what_it_prints_and_compares_by_value() {
        Cid cid = Cid.of("hello world".getBytes(StandardCharsets.UTF_8));
        assertThat(Cid.parse(cid.toString())).isEqualTo(cid);
        assertThat(Cid.parse("bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e")).isEqualTo(cid);
    }

    @Test
    void matches_only_the_exact_bytes() {
        Cid cid = Cid.of("hello world".getBytes(StandardCharsets.UTF_8));
        assertThat(cid.matches("hello world".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(cid.matches("hello world!".getBytes(StandardCharsets.UTF_8))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "Qmf412jQZiuVUtdgnB36FXFX7xg5V6KEbSJ4dpQuhkLyfD",                   // CIDv0 (dag-pb, base58)
            "bafybeifx7yeb55armcsxwwitkymga5xf53dxiarykms3ygqic223w5sk3m",      // CIDv1 dag-pb
            "BAFKREIFZJUT3TE2NHYEKKLSS27NH3K72YSCO7Y32KOAO5EEI66WOF36N5E",      // upper-case base32
            "bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5",       // one digit short
            "bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e5",     // one digit long
            "bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n51",      // '1' is not base32
            "zafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e"       // other multibase
    })
    void rejects_anything_but_a_cidv1_raw_sha256_in_base32(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> Cid.parse(text)).withMessageContaining("'" + text + "'");
    }

    @Test
    void rejects_null() {
        assertThatNullPointerException().isThrownBy(() -> Cid.parse(null));
    }
}
