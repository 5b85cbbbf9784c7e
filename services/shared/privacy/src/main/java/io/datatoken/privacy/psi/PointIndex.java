package io.datatoken.privacy.psi;

import java.util.Arrays;

/**
 * Membership of encoded points by open addressing on their first 8 bytes (blinded points are
 * pseudo-random, so these are good hash codes), confirmed on all 32 bytes: an int per slot instead of
 * an object per point, for a million points.
 */
final class PointIndex {

    private final byte[] packed;
    private final int[] slots; // point index + 1, 0 = empty
    private final int mask;

    PointIndex(BlindedPoints points) {
        this.packed = points.packed();
        int capacity = Integer.highestOneBit(Math.max(2, points.size() * 2 - 1)) << 1;
        this.slots = new int[capacity];
        this.mask = capacity - 1;
        for (int i = 0; i < points.size(); i++) {
            int slot = slotOf(packed, i * BlindedPoints.POINT_SIZE);
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = i + 1;
        }
    }

    boolean contains(byte[] points, int off) {
        int slot = slotOf(points, off);
        for (int entry; (entry = slots[slot]) != 0; slot = (slot + 1) & mask) {
            int candidate = (entry - 1) * BlindedPoints.POINT_SIZE;
            if (Arrays.equals(packed, candidate, candidate + BlindedPoints.POINT_SIZE, points, off, off + BlindedPoints.POINT_SIZE)) {
                return true;
            }
        }
        return false;
    }

    private int slotOf(byte[] points, int off) {
        long h = 0;
        for (int i = 0; i < 8; i++) {
            h = (h << 8) | (points[off + i] & 0xFF);
        }
        h *= 0x9E3779B97F4A7C15L; // spreads the bits should the points not be blinded (tests)
        return (int) (h >>> 32) & mask;
    }
}
