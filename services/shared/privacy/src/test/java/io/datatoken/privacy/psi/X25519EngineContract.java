package io.datatoken.privacy.psi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.junit.jupiter.api.Test;

/**
 * What every {@link X25519Engine} must compute: RFC 7748's X25519, byte for byte, including what it
 * does with small-order and non-canonical inputs, so that two parties on different engines agree.
 */
abstract class X25519EngineContract {

    private static final HexFormat HEX = HexFormat.of();

    abstract X25519Engine engine();

    private byte[] multiply(byte[] scalar, byte[] u) {
        byte[] out = new byte[32];
        try (var multiplier = engine().multiplier(scalar)) {
            multiplier.multiply(u, 0, out, 0);
        }
        return out;
    }

    @Test
    void answers_rfc_7748_section_5_2_vectors() {
        assertThat(HEX.formatHex(multiply(
                HEX.parseHex("a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4"),
                HEX.parseHex("e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c"))))
                .isEqualTo("c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552");
        // the second vector's u has its top bit set: it is masked, as the RFC requires
        assertThat(HEX.formatHex(multiply(
                HEX.parseHex("4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d"),
                HEX.parseHex("e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493"))))
                .isEqualTo("95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957");
    }

    @Test
    void answers_rfc_7748_iterated_vector_after_1000_iterations() {
        byte[] k = new byte[32];
        k[0] = 9;
        byte[] u = k.clone();
        try (var ignored = engine().multiplier(k)) {
            for (int i = 0; i < 1000; i++) {
                byte[] next = multiply(k, u);
                u = k;
                k = next;
            }
        }
        assertThat(HEX.formatHex(k)).isEqualTo("684cf59ba83309552800ef566f2f4d3c1c3887c49360e3875f2eb94d99532c51");
    }

    @Test
    void agrees_on_the_rfc_7748_section_6_1_shared_secret() {
        byte[] alice = HEX.parseHex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
        byte[] bob = HEX.parseHex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb");
        byte[] base = new byte[32];
        base[0] = 9;
        assertThat(HEX.formatHex(multiply(alice, multiply(bob, base))))
                .isEqualTo(HEX.formatHex(multiply(bob, multiply(alice, base))))
                .isEqualTo("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");
    }

    @Test
    void points_of_small_order_give_zeros_in_any_encoding() {
        byte[] scalar = HEX.parseHex("a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4");
        BigInteger p = HashToCurve25519.P;
        for (BigInteger u : List.of(BigInteger.ZERO, BigInteger.ONE, p.subtract(BigInteger.ONE),
                new BigInteger("325606250916557431795983626356110631294008115727848805560023387167927233504"),
                new BigInteger("39382357235489614581723060781553021112529911719440698176882885853963445705823"),
                p, p.add(BigInteger.ONE))) {
            assertThat(multiply(scalar, littleEndian(u))).as("u = %s", u).containsOnly(0);
        }
    }

    @Test
    void equals_bouncy_castle_on_random_scalars_and_points_in_place_and_at_offsets() {
        var random = new Random(20261124);
        byte[] scalar = new byte[32];
        byte[] packed = new byte[32 * 64 + 5];
        random.nextBytes(scalar);
        random.nextBytes(packed); // any 32 bytes, non-canonical and top bit set included
        // points of small order among them: a failed native derivation must not spoil the next points
        System.arraycopy(littleEndian(BigInteger.ONE), 0, packed, 5 + 32 * 3, 32);
        System.arraycopy(littleEndian(HashToCurve25519.P), 0, packed, 5 + 32 * 40, 32);
        byte[] expected = new byte[packed.length];
        byte[] actual = new byte[packed.length];
        try (var multiplier = engine().multiplier(scalar)) {
            for (int off = 5; off < packed.length; off += 32) {
                X25519.scalarMult(scalar, 0, packed, off, expected, off - 5);
                multiplier.multiply(packed, off, actual, off - 5);
            }
        }
        assertThat(HEX.formatHex(actual)).isEqualTo(HEX.formatHex(expected));
        assertThat(Arrays.copyOfRange(actual, 32 * 3, 32 * 4)).containsOnly(0);
        byte[] inPlace = packed.clone();
        try (var multiplier = engine().multiplier(scalar)) {
            multiplier.multiply(inPlace, 5, inPlace, 5);
        }
        assertThat(HEX.formatHex(inPlace, 5, 37)).isEqualTo(HEX.formatHex(expected, 0, 32));
    }

    @Test
    void refuses_a_scalar_that_is_not_32_bytes() {
        assertThatThrownBy(() -> engine().multiplier(new byte[31]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
    }

    @Test
    void a_multiplier_keeps_its_own_copy_of_the_scalar() {
        byte[] scalar = HEX.parseHex("a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4");
        byte[] u = HEX.parseHex("e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c");
        byte[] out = new byte[32];
        try (var multiplier = engine().multiplier(scalar)) {
            scalar[0] ^= 1;
            multiplier.multiply(u, 0, out, 0);
        }
        assertThat(HEX.formatHex(out)).isEqualTo("c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552");
    }

    static byte[] littleEndian(BigInteger u) {
        byte[] big = u.toByteArray();
        byte[] little = new byte[32];
        for (int i = 0; i < Math.min(32, big.length); i++) {
            little[i] = big[big.length - 1 - i];
        }
        return little;
    }
}
