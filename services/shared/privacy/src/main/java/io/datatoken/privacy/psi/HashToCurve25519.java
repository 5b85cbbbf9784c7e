package io.datatoken.privacy.psi;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.hash2curve.impl.XmdMessageExpansion;
import org.bouncycastle.math.ec.rfc7748.X25519Field;

/**
 * RFC 9380 hash_to_curve for the suite curve25519_XMD:SHA-512_ELL2_RO_, returning the u-coordinate
 * (32 bytes, little-endian, as X25519 encodes it) of the point: two field elements by
 * expand_message_xmd(SHA-512) (Bouncy Castle's), each mapped by Elligator 2 (the curve25519-specific
 * straight-line form of RFC 9380 appendix G.2.1), the two points added, the cofactor 8 cleared.
 *
 * <p>Bouncy Castle 1.87 has this suite only over {@code BigInteger} (about 5 times the cost of an
 * X25519 scalar multiplication), which would bound the PSI far below its goal; this class does the map,
 * the addition and the cofactor clearing on Bouncy Castle's X25519 field arithmetic instead, with one
 * exponentiation per map and, for a batch of messages, one inversion in all. Constant-time except for branches taken only
 * with negligible probability (the two mapped points sharing a u-coordinate).
 *
 * <p>Not thread-safe (the message expansion holds a digest): one instance per thread.
 */
final class HashToCurve25519 {

    /** RFC 9380 section 3.1 naming: application, version, ciphersuite. */
    static final String DATATOKEN_PSI_DST = "DATATOKEN-PSI-V01-CS01-with-curve25519_XMD:SHA-512_ELL2_RO_";

    static final BigInteger P = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));
    private static final int L = 48; // ceil((ceil(log2(p)) + k) / 8), k = 128
    private static final int J = 486662;
    private static final int A24 = (J + 2) / 4;
    private static final int[] C2 = element(BigInteger.TWO.modPow(P.add(BigInteger.valueOf(3)).shiftRight(3), P));
    private static final int[] C3 = element(BigInteger.TWO.modPow(P.subtract(BigInteger.ONE).shiftRight(2), P)); // sqrt(-1)

    private final byte[] dst;
    private final XmdMessageExpansion expansion = new XmdMessageExpansion(new SHA512Digest(), 128);

    HashToCurve25519(String dst) {
        this.dst = dst.getBytes(StandardCharsets.US_ASCII);
    }

    static HashToCurve25519 forPsi() {
        return new HashToCurve25519(DATATOKEN_PSI_DST);
    }

    /** The u-coordinate of hash_to_curve(msg), written at out[outOff..outOff+32). */
    void hashToCurve(byte[] msg, byte[] out, int outOff) {
        hashToCurve(List.of(msg), 0, 1, out, outOff);
    }

    byte[] hashToCurve(byte[] msg) {
        byte[] out = new byte[32];
        hashToCurve(msg, out, 0);
        return out;
    }

    /**
     * The u-coordinates of hash_to_curve(msgs[i]) for i in [from, to), written one after the other from
     * out[outOff]: the points stay projective until one inversion for all of them (Montgomery's trick).
     */
    void hashToCurve(List<byte[]> msgs, int from, int to, byte[] out, int outOff) {
        int n = to - from;
        if (n <= 0) {
            return;
        }
        int[][] x = new int[n][], z = new int[n][], prefix = new int[n][];
        for (int i = 0; i < n; i++) {
            int[][] u = fieldElements(msgs.get(from + i));
            x[i] = F();
            z[i] = F();
            projective(u[0], u[1], x[i], z[i]);
            prefix[i] = F();
            if (i == 0) {
                X25519Field.copy(z[0], 0, prefix[0], 0);
            } else {
                X25519Field.mul(prefix[i - 1], z[i], prefix[i]);
            }
        }
        int[] inverse = F(), zInverse = F();
        X25519Field.inv(prefix[n - 1], inverse); // 1 / (z_0 ... z_{n-1})
        for (int i = n - 1; i >= 0; i--) {
            if (i > 0) {
                X25519Field.mul(inverse, prefix[i - 1], zInverse);
                X25519Field.mul(inverse, z[i], inverse); // now 1 / (z_0 ... z_{i-1})
            } else {
                X25519Field.copy(inverse, 0, zInverse, 0);
            }
            X25519Field.mul(x[i], zInverse, x[i]);
            X25519Field.normalize(x[i]);
            X25519Field.encode(x[i], out, outOff + 32 * i);
        }
    }

    /** hash_to_field(msg, 2): two elements of GF(p) from 2 * L uniform bytes (tests compare them to the RFC's). */
    BigInteger[] hashToField(byte[] msg) {
        int[][] u = fieldElements(msg);
        return new BigInteger[] {toBigInteger(u[0]), toBigInteger(u[1])};
    }

    private int[][] fieldElements(byte[] msg) {
        byte[] uniform = expansion.expandMessage(msg, dst, 2 * L);
        return new int[][] {os2ipModP(uniform, 0), os2ipModP(uniform, L)};
    }

    /** map_to_curve(u0) + map_to_curve(u1), cofactor cleared: the u-coordinate (tests' entry). */
    static void fromFieldElements(BigInteger u0, BigInteger u1, byte[] out, int outOff) {
        int[] x = F(), z = F();
        projective(element(u0), element(u1), x, z);
        X25519Field.inv(z, z);
        X25519Field.mul(x, z, x);
        X25519Field.normalize(x);
        X25519Field.encode(x, out, outOff);
    }

    /**
     * map_to_curve(u0) + map_to_curve(u1), cofactor cleared, as a projective u = x / z with z never zero
     * (the identity, which only a negligible pair of inputs reaches, is u = 0 / 1 as X25519 encodes it).
     */
    private static void projective(int[] u0, int[] u1, int[] x, int[] z) {
        int[][] q0 = map(u0);
        int[][] q1 = map(u1);
        int[] xn0 = q0[0], xd0 = q0[1], y0 = q0[2], xn1 = q1[0], xd1 = q1[1], y1 = q1[2];

        // Chord addition with x_i = xn_i / xd_i kept as fractions: lambda = dy * D / N,
        // x3 = lambda^2 - J - x0 - x1 = (dy^2 D^3 - (J D + S) N^2) / (N^2 D).
        int[] n = F(), d = F(), s = F(), dy = F(), t = F();
        X25519Field.mul(xn1, xd0, t);
        X25519Field.mul(xn0, xd1, s);
        X25519Field.sub(t, s, n);
        X25519Field.add(t, s, s);
        X25519Field.mul(xd0, xd1, d);
        X25519Field.sub(y1, y0, dy);
        int[] n2 = F(), d3 = F();
        X25519Field.sqr(n, n2);
        X25519Field.sqr(d, d3);
        X25519Field.mul(d3, d, d3);
        X25519Field.sqr(dy, x);
        X25519Field.mul(x, d3, x);
        X25519Field.mul(d, J, t);
        X25519Field.add(t, s, t);
        X25519Field.carry(t);
        X25519Field.mul(t, n2, t);
        X25519Field.sub(x, t, x);
        X25519Field.carry(x);
        X25519Field.mul(n2, d, z);

        int doublings = 3;
        if (isZero(n)) { // Q0 and Q1 share a u-coordinate: negligible for a random oracle
            if (isZero(dy)) { // Q0 == Q1: [8](Q0 + Q1) = [16]Q0
                X25519Field.copy(xn0, 0, x, 0);
                X25519Field.copy(xd0, 0, z, 0);
                doublings = 4;
            } else { // Q0 == -Q1: the identity
                X25519Field.one(x);
                X25519Field.zero(z);
            }
        }
        for (int i = 0; i < doublings; i++) {
            doubleX(x, z);
        }
        if (isZero(z)) { // the identity (negligible, as above): u = 0, and no zero in a batch's product
            X25519Field.zero(x);
            X25519Field.one(z);
        }
    }

    /** The affine (x, y) of map_to_curve_elligator2(u), for tests against the RFC's Q0 and Q1. */
    static BigInteger[] mapToCurve(BigInteger u) {
        int[][] q = map(element(u));
        int[] x = F();
        X25519Field.inv(q[1], x);
        X25519Field.mul(x, q[0], x);
        return new BigInteger[] {toBigInteger(x), toBigInteger(q[2])};
    }

    /** RFC 9380 G.2.1 map_to_curve_elligator2_curve25519: {xn, xd, y} with x = xn / xd. */
    private static int[][] map(int[] u) {
        int[] tv1 = F(), tv2 = F(), tv3 = F(), xd = F(), x1n = F(), gxd = F(), gx1 = F();
        X25519Field.sqr(u, tv1);
        X25519Field.add(tv1, tv1, tv1);              // 2 u^2
        X25519Field.copy(tv1, 0, xd, 0);
        X25519Field.addOne(xd);                       // nonzero: -1 is a square mod p, 2 u^2 is not
        X25519Field.zero(x1n);
        x1n[0] = J;
        X25519Field.negate(x1n, x1n);                 // x1 = -J / (1 + 2 u^2)
        X25519Field.sqr(xd, tv2);
        X25519Field.mul(tv2, xd, gxd);                // xd^3
        X25519Field.mul(tv1, J, gx1);
        X25519Field.mul(gx1, x1n, gx1);
        X25519Field.add(gx1, tv2, gx1);
        X25519Field.mul(gx1, x1n, gx1);               // x1n^3 + J x1n^2 xd + x1n xd^2
        X25519Field.sqr(gxd, tv3);
        X25519Field.sqr(tv3, tv2);                    // gxd^4
        X25519Field.mul(tv3, gxd, tv3);               // gxd^3
        X25519Field.mul(tv3, gx1, tv3);               // gx1 gxd^3
        X25519Field.mul(tv2, tv3, tv2);               // gx1 gxd^7
        int[] y11 = F(), y12 = F(), y1 = F();
        powPMinus5Over8(tv2, y11);
        X25519Field.mul(y11, tv3, y11);               // sqrt(gx1 / gxd) if it exists
        X25519Field.mul(y11, C3, y12);
        X25519Field.sqr(y11, tv2);
        X25519Field.mul(tv2, gxd, tv2);
        int e1 = equal(tv2, gx1);
        X25519Field.copy(y12, 0, y1, 0);
        X25519Field.cmov(e1, y11, 0, y1, 0);
        int[] x2n = F(), y21 = F(), y22 = F(), y2 = F(), gx2 = F();
        X25519Field.mul(x1n, tv1, x2n);               // x2 = 2 u^2 x1
        X25519Field.mul(y11, u, y21);
        X25519Field.mul(y21, C2, y21);
        X25519Field.mul(y21, C3, y22);
        X25519Field.mul(gx1, tv1, gx2);               // g(x2) = 2 u^2 g(x1)
        X25519Field.sqr(y21, tv2);
        X25519Field.mul(tv2, gxd, tv2);
        int e2 = equal(tv2, gx2);
        X25519Field.copy(y22, 0, y2, 0);
        X25519Field.cmov(e2, y21, 0, y2, 0);
        X25519Field.sqr(y1, tv2);
        X25519Field.mul(tv2, gxd, tv2);
        int e3 = equal(tv2, gx1);                     // g(x1) is square: x = x1
        int[] xn = F(), y = F();
        X25519Field.copy(x2n, 0, xn, 0);
        X25519Field.cmov(e3, x1n, 0, xn, 0);
        X25519Field.copy(y2, 0, y, 0);
        X25519Field.cmov(e3, y1, 0, y, 0);
        X25519Field.normalize(y);
        int e4 = -sgn0(y);
        X25519Field.cnegate((e3 ^ e4) & 1, y);
        X25519Field.normalize(y);
        return new int[][] {xn, xd, y};
    }

    /** x^((p - 5) / 8) = x^(2^252 - 3), by the usual addition chain. */
    private static void powPMinus5Over8(int[] x, int[] z) {
        int[] t0 = F(), t1 = F(), t2 = F();
        X25519Field.sqr(x, t0);                       // 2
        X25519Field.sqr(t0, 2, t1);                   // 8
        X25519Field.mul(x, t1, t1);                   // 9
        X25519Field.mul(t0, t1, t0);                  // 11
        X25519Field.sqr(t0, t0);                      // 22
        X25519Field.mul(t1, t0, t0);                  // 2^5 - 1
        X25519Field.sqr(t0, 5, t1);
        X25519Field.mul(t1, t0, t0);                  // 2^10 - 1
        X25519Field.sqr(t0, 10, t1);
        X25519Field.mul(t1, t0, t1);                  // 2^20 - 1
        X25519Field.sqr(t1, 20, t2);
        X25519Field.mul(t2, t1, t1);                  // 2^40 - 1
        X25519Field.sqr(t1, 10, t1);
        X25519Field.mul(t1, t0, t0);                  // 2^50 - 1
        X25519Field.sqr(t0, 50, t1);
        X25519Field.mul(t1, t0, t1);                  // 2^100 - 1
        X25519Field.sqr(t1, 100, t2);
        X25519Field.mul(t2, t1, t1);                  // 2^200 - 1
        X25519Field.sqr(t1, 50, t1);
        X25519Field.mul(t1, t0, t1);                  // 2^250 - 1
        X25519Field.sqr(t1, 2, t1);                   // 2^252 - 4
        X25519Field.mul(t1, x, z);                    // 2^252 - 3
    }

    /** x-only doubling on the Montgomery curve, projective (X : Z). */
    private static void doubleX(int[] x, int[] z) {
        int[] sum = F(), diff = F(), e = F();
        X25519Field.apm(x, z, sum, diff);
        X25519Field.sqr(sum, sum);
        X25519Field.sqr(diff, diff);
        X25519Field.mul(sum, diff, x);
        X25519Field.sub(sum, diff, e);
        X25519Field.mul(e, A24, z);
        X25519Field.add(z, diff, z);
        X25519Field.mul(z, e, z);
    }

    private static int[] F() {
        return X25519Field.create();
    }

    /** -1 when equal, 0 otherwise; the limbs are compared in their normal form. */
    private static int equal(int[] a, int[] b) {
        int[] x = F(), y = F();
        X25519Field.copy(a, 0, x, 0);
        X25519Field.copy(b, 0, y, 0);
        X25519Field.normalize(x);
        X25519Field.normalize(y);
        return X25519Field.areEqual(x, y);
    }

    private static boolean isZero(int[] a) {
        int[] x = F();
        X25519Field.copy(a, 0, x, 0);
        X25519Field.normalize(x);
        return X25519Field.isZeroVar(x);
    }

    /** sgn0 for p = 1 mod 2: the parity of the canonical value; a must be normalized. */
    private static int sgn0(int[] normalized) {
        byte[] bytes = new byte[32];
        X25519Field.encode(normalized, bytes, 0);
        return bytes[0] & 1;
    }

    /**
     * OS2IP of the L = 48 big-endian bytes at off, mod p, in the field's limbs: hi 2^256 + lo, where
     * 2^256 = 38 and 2^255 = 19 (mod p).
     */
    static int[] os2ipModP(byte[] uniform, int off) {
        byte[] little = new byte[32];
        for (int i = 0; i < 32; i++) {
            little[i] = uniform[off + L - 1 - i]; // lo: the last 32 bytes
        }
        int top = (little[31] >>> 7) & 1;
        little[31] &= 0x7f;
        int[] lo = F(), hi = F(), bit255 = F();
        X25519Field.decode(little, 0, lo);
        Arrays.fill(little, (byte) 0);
        for (int i = 0; i < L - 32; i++) {
            little[i] = uniform[off + L - 33 - i]; // hi: the first 16 bytes
        }
        X25519Field.decode(little, 0, hi);
        X25519Field.mul(hi, 38, hi);
        bit255[0] = 19 * top;
        X25519Field.add(lo, hi, lo);
        X25519Field.add(lo, bit255, lo);
        X25519Field.carry(lo);
        return lo;
    }

    private static int[] element(BigInteger value) {
        byte[] big = value.mod(P).toByteArray();
        byte[] little = new byte[32];
        for (int i = 0; i < Math.min(32, big.length); i++) {
            little[i] = big[big.length - 1 - i];
        }
        int[] x = F();
        X25519Field.decode(little, 0, x);
        return x;
    }

    static BigInteger toBigInteger(int[] x) {
        int[] n = F();
        X25519Field.copy(x, 0, n, 0);
        X25519Field.normalize(n);
        byte[] little = new byte[32];
        X25519Field.encode(n, little, 0);
        return littleEndian(little, 0);
    }

    static BigInteger littleEndian(byte[] bytes, int off) {
        byte[] big = new byte[32];
        for (int i = 0; i < 32; i++) {
            big[31 - i] = bytes[off + i];
        }
        return new BigInteger(1, big);
    }
}
