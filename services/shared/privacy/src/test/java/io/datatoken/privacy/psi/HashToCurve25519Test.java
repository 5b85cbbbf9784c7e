package io.datatoken.privacy.psi;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.hash2curve.HashToCurveProfile;
import org.bouncycastle.crypto.hash2curve.HashToEllipticCurve;
import org.bouncycastle.crypto.hash2curve.impl.XmdMessageExpansion;
import org.junit.jupiter.api.Test;

/** RFC 9380 appendix J.4.1 (curve25519_XMD:SHA-512_ELL2_RO_) and K.3 (expand_message_xmd SHA-512). */
class HashToCurve25519Test {

    private static final String RFC_DST = "QUUX-V01-CS02-with-curve25519_XMD:SHA-512_ELL2_RO_";

    /** msg, P.x, u[0], u[1], Q0.x, Q0.y, Q1.x, Q1.y as printed in RFC 9380 J.4.1. */
    private record Vector(String msg, String px, String u0, String u1, String q0x, String q0y, String q1x, String q1y) {
    }

    private static final List<Vector> J_4_1 = List.of(
            new Vector("",
                    "2de3780abb67e861289f5749d16d3e217ffa722192d16bbd9d1bfb9d112b98c0",
                    "005fe8a7b8fef0a16c105e6cadf5a6740b3365e18692a9c05bfbb4d97f645a6a",
                    "1347edbec6a2b5d8c02e058819819bee177077c9d10a4ce165aab0fd0252261a",
                    "36b4df0c864c64707cbf6cf36e9ee2c09a6cb93b28313c169be29561bb904f98",
                    "6cd59d664fb58c66c892883cd0eb792e52055284dac3907dd756b45d15c3983d",
                    "3fa114783a505c0b2b2fbeef0102853c0b494e7757f2a089d0daae7ed9a0db2b",
                    "76c0fe7fec932aaafb8eefb42d9cbb32eb931158f469ff3050af15cfdbbeff94"),
            new Vector("abc",
                    "2b4419f1f2d48f5872de692b0aca72cc7b0a60915dd70bde432e826b6abc526d",
                    "49bed021c7a3748f09fa8cdfcac044089f7829d3531066ac9e74e0994e05bc7d",
                    "5c36525b663e63389d886105cee7ed712325d5a97e60e140aba7e2ce5ae851b6",
                    "16b3d86e056b7970fa00165f6f48d90b619ad618791661b7b5e1ec78be10eac1",
                    "4ab256422d84c5120b278cbdfc4e1facc5baadffeccecf8ee9bf3946106d50ca",
                    "7ec29ddbf34539c40adfa98fcb39ec36368f47f30e8f888cc7e86f4d46e0c264",
                    "10d1abc1cae2d34c06e247f2141ba897657fb39f1080d54f09ce0af128067c74"),
            new Vector("abcdef0123456789",
                    "68ca1ea5a6acf4e9956daa101709b1eee6c1bb0df1de3b90d4602382a104c036",
                    "6412b7485ba26d3d1b6c290a8e1435b2959f03721874939b21782df17323d160",
                    "24c7b46c1c6d9a21d32f5707be1380ab82db1054fde82865d5c9e3d968f287b2",
                    "71de3dadfe268872326c35ac512164850860567aea0e7325e6b91a98f86533ad",
                    "26a08b6e9a18084c56f2147bf515414b9b63f1522e1b6c5649f7d4b0324296ec",
                    "5704069021f61e41779e2ba6b932268316d6d2a6f064f997a22fef16d1eaeaca",
                    "50483c7540f64fb4497619c050f2c7fe55454ec0f0e79870bb44302e34232210"),
            new Vector("q128_" + "q".repeat(128),
                    "096e9c8bae6c06b554c1ee69383bb0e82267e064236b3a30608d4ed20b73ac5a",
                    "5e123990f11bbb5586613ffabdb58d47f64bb5f2fa115f8ea8df0188e0c9e1b5",
                    "5e8553eb00438a0bb1e7faa59dec6d8087f9c8011e5fb8ed9df31cb6c0d4ac19",
                    "7a94d45a198fb5daa381f45f2619ab279744efdd8bd8ed587fc5b65d6cea1df0",
                    "67d44f85d376e64bb7d713585230cdbfafc8e2676f7568e0b6ee59361116a6e1",
                    "30506fb7a32136694abd61b6113770270debe593027a968a01f271e146e60c18",
                    "7eeee0e706b40c6b5174e551426a67f975ad5a977ee2f01e8e20a6d612458c3b"),
            new Vector("a512_" + "a".repeat(512),
                    "1bc61845a138e912f047b5e70ba9606ba2a447a4dade024c8ef3dd42b7bbc5fe",
                    "20f481e85da7a3bf60ac0fb11ed1d0558fc6f941b3ac5469aa8b56ec883d6d7d",
                    "017d57fd257e9a78913999a23b52ca988157a81b09c5442501d07fed20869465",
                    "02d606e2699b918ee36f2818f2bc5013e437e673c9f9b9cdc15fd0c5ee913970",
                    "29e9dc92297231ef211245db9e31767996c5625dfbf92e1c8107ef887365de1e",
                    "38920e9b988d1ab7449c0fa9a6058192c0c797bb3d42ac345724341a1aa98745",
                    "24dcc1be7c4d591d307e89049fd2ed30aae8911245a9d8554bf6032e5aa40d3d"));

    @Test
    void expand_message_xmd_sha512_matches_rfc_9380_k3() {
        var xmd = new XmdMessageExpansion(new SHA512Digest(), 128);
        byte[] dst = ascii("QUUX-V01-CS02-with-expander-SHA512-256");

        assertThat(hex(xmd.expandMessage(ascii(""), dst, 0x20)))
                .isEqualTo("6b9a7312411d92f921c6f68ca0b6380730a1a4d982c507211a90964c394179ba");
        assertThat(hex(xmd.expandMessage(ascii("abc"), dst, 0x20)))
                .isEqualTo("0da749f12fbe5483eb066a5f595055679b976e93abe9be6f0f6318bce7aca8dc");
        assertThat(hex(xmd.expandMessage(ascii("abcdef0123456789"), dst, 0x20)))
                .isEqualTo("087e45a86e2939ee8b91100af1583c4938e0f5fc6c9db4b107b83346bc967f58");
        assertThat(hex(xmd.expandMessage(ascii(""), dst, 0x80))).isEqualTo(
                "41b037d1734a5f8df225dd8c7de38f851efdb45c372887be655212d07251b921b052b62eaed99b46f72f2ef4cc96bfaf"
                        + "254ebbbec091e1a3b9e4fb5e5b619d2e0c5414800a1d882b62bb5cd1778f098b8eb6cb399d5d9d18f5d5842cf5d13d7e"
                        + "b00a7cff859b605da678b318bd0e65ebff70bec88c753b159a805d2c89c55961");
    }

    @Test
    void hash_to_field_gives_the_rfcs_u0_and_u1() {
        var hash = new HashToCurve25519(RFC_DST);
        for (Vector v : J_4_1) {
            BigInteger[] u = hash.hashToField(ascii(v.msg()));
            assertThat(u[0]).as(v.msg()).isEqualTo(big(v.u0()));
            assertThat(u[1]).as(v.msg()).isEqualTo(big(v.u1()));
        }
    }

    @Test
    void elligator2_maps_u0_and_u1_to_the_rfcs_q0_and_q1() {
        for (Vector v : J_4_1) {
            assertThat(HashToCurve25519.mapToCurve(big(v.u0()))).as(v.msg()).containsExactly(big(v.q0x()), big(v.q0y()));
            assertThat(HashToCurve25519.mapToCurve(big(v.u1()))).as(v.msg()).containsExactly(big(v.q1x()), big(v.q1y()));
        }
    }

    @Test
    void hash_to_curve_gives_the_rfcs_p_x_as_an_x25519_u_coordinate() {
        var hash = new HashToCurve25519(RFC_DST);
        for (Vector v : J_4_1) {
            byte[] u = hash.hashToCurve(ascii(v.msg()));
            assertThat(HashToCurve25519.littleEndian(u, 0)).as(v.msg()).isEqualTo(big(v.px()));
        }
    }

    @Test
    void agrees_with_bouncy_castles_bigint_implementation_under_the_datatoken_dst() {
        var ours = HashToCurve25519.forPsi();
        var reference = HashToEllipticCurve.getInstance(HashToCurveProfile.CURVE25519W_XMD_SHA_512_ELL2,
                HashToCurve25519.DATATOKEN_PSI_DST);
        var random = new Random(7);
        for (int i = 0; i < 64; i++) {
            byte[] msg = new byte[random.nextInt(100)];
            random.nextBytes(msg);
            BigInteger expected = reference.getAffineXY(reference.hashToCurve(msg)).getX();
            assertThat(HashToCurve25519.littleEndian(ours.hashToCurve(msg), 0)).isEqualTo(expected);
        }
    }

    @Test
    void a_batch_hashes_each_message_as_it_would_alone() {
        var hash = HashToCurve25519.forPsi();
        var random = new Random(11);
        List<byte[]> msgs = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            byte[] msg = new byte[random.nextInt(40)];
            random.nextBytes(msg);
            msgs.add(msg);
        }
        byte[] batch = new byte[32 * 300 + 7];
        hash.hashToCurve(msgs, 0, 300, batch, 7);
        for (int i = 0; i < 300; i++) {
            assertThat(HexFormat.of().formatHex(batch, 7 + 32 * i, 7 + 32 * (i + 1))).as("message %d", i)
                    .isEqualTo(HexFormat.of().formatHex(hash.hashToCurve(msgs.get(i))));
        }
        byte[] middle = new byte[32 * 3];
        hash.hashToCurve(msgs, 10, 13, middle, 0);
        assertThat(HexFormat.of().formatHex(middle)).isEqualTo(HexFormat.of().formatHex(batch, 7 + 320, 7 + 416));
    }

    @Test
    void reduces_48_uniform_bytes_mod_p_as_os2ip_and_bigintegers_do() {
        var random = new Random(13);
        List<byte[]> inputs = new java.util.ArrayList<>();
        inputs.add(new byte[48]);
        byte[] ones = new byte[48];
        java.util.Arrays.fill(ones, (byte) 0xff);
        inputs.add(ones);
        for (BigInteger edge : List.of(HashToCurve25519.P, HashToCurve25519.P.subtract(BigInteger.ONE),
                BigInteger.ONE.shiftLeft(255), BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE),
                HashToCurve25519.P.shiftLeft(128))) {
            byte[] big = edge.toByteArray();
            byte[] padded = new byte[48];
            System.arraycopy(big, Math.max(0, big.length - 48), padded, Math.max(0, 48 - big.length), Math.min(48, big.length));
            inputs.add(padded);
        }
        for (int i = 0; i < 200; i++) {
            byte[] bytes = new byte[48];
            random.nextBytes(bytes);
            inputs.add(bytes);
        }
        for (byte[] bytes : inputs) {
            assertThat(HashToCurve25519.toBigInteger(HashToCurve25519.os2ipModP(bytes, 0)))
                    .as(HexFormat.of().formatHex(bytes))
                    .isEqualTo(new BigInteger(1, bytes).mod(HashToCurve25519.P));
        }
    }

    @Test
    void the_dst_names_datatoken_psi_v1_and_the_suite() {
        assertThat(HashToCurve25519.DATATOKEN_PSI_DST)
                .startsWith("DATATOKEN-PSI-V01-")
                .endsWith("curve25519_XMD:SHA-512_ELL2_RO_");
        var msg = ascii("prospect@example.com");
        assertThat(HashToCurve25519.forPsi().hashToCurve(msg)).isNotEqualTo(new HashToCurve25519(RFC_DST).hashToCurve(msg));
    }

    @Test
    void equal_field_elements_give_sixteen_times_the_mapped_point() {
        // Q0 == Q1 never happens for a random oracle, but the addition must still be right for it.
        BigInteger u = big("49bed021c7a3748f09fa8cdfcac044089f7829d3531066ac9e74e0994e05bc7d");
        BigInteger[] q = HashToCurve25519.mapToCurve(u);
        for (int i = 0; i < 4; i++) {
            q = AffineMontgomery.twice(q);
        }
        byte[] out = new byte[32];
        HashToCurve25519.fromFieldElements(u, u, out, 0);
        assertThat(HashToCurve25519.littleEndian(out, 0)).isEqualTo(q[0]);
    }

    /** Textbook affine doubling on v^2 = u^3 + 486662 u^2 + u, as an independent reference. */
    private static final class AffineMontgomery {
        private static final BigInteger P = HashToCurve25519.P;
        private static final BigInteger A = BigInteger.valueOf(486662);

        static BigInteger[] twice(BigInteger[] point) {
            BigInteger x = point[0], y = point[1];
            BigInteger lambda = x.pow(2).multiply(BigInteger.valueOf(3)).add(A.multiply(x).shiftLeft(1)).add(BigInteger.ONE)
                    .multiply(y.shiftLeft(1).modInverse(P)).mod(P);
            BigInteger x3 = lambda.pow(2).subtract(A).subtract(x.shiftLeft(1)).mod(P);
            BigInteger y3 = lambda.multiply(x.subtract(x3)).subtract(y).mod(P);
            return new BigInteger[] {x3, y3};
        }
    }

    private static BigInteger big(String hex) {
        return new BigInteger(hex, 16);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
