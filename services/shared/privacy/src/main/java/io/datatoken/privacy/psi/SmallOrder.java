package io.datatoken.privacy.psi;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;

/**
 * The u-coordinates of curve25519's points of order 1, 2, 4 and 8 (the list libsodium refuses in
 * X25519): 0, 1, p - 1 and the two of order 8. Any clamped scalar sends them to the identity.
 */
final class SmallOrder {

    private static final List<byte[]> ENCODED = List.of(
            encode(BigInteger.ZERO),
            encode(BigInteger.ONE),
            encode(HashToCurve25519.P.subtract(BigInteger.ONE)),
            encode(new BigInteger("325606250916557431795983626356110631294008115727848805560023387167927233504")),
            encode(new BigInteger("39382357235489614581723060781553021112529911719440698176882885853963445705823")));

    private SmallOrder() {
    }

    static boolean contains(byte[] packed, int off) {
        for (byte[] point : ENCODED) {
            if (Arrays.equals(point, 0, BlindedPoints.POINT_SIZE, packed, off, off + BlindedPoints.POINT_SIZE)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the 32 little-endian bytes are below p = 2^255 - 19 (and so have the top bit clear). */
    static boolean isCanonical(byte[] packed, int off) {
        if ((packed[off + 31] & 0xff) != 0x7f) {
            return (packed[off + 31] & 0x80) == 0;
        }
        for (int i = 30; i >= 1; i--) {
            if ((packed[off + i] & 0xff) != 0xff) {
                return true;
            }
        }
        return (packed[off] & 0xff) < 0xed;
    }

    private static byte[] encode(BigInteger u) {
        byte[] big = u.toByteArray();
        byte[] little = new byte[BlindedPoints.POINT_SIZE];
        for (int i = 0; i < Math.min(little.length, big.length); i++) {
            little[i] = big[big.length - 1 - i];
        }
        return little;
    }
}
