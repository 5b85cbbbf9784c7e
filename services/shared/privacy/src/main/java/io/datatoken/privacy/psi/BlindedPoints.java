package io.datatoken.privacy.psi;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Curve points as sent between the parties: X25519 u-coordinates, 32 bytes each, packed in one array
 * (a million points are one 32 MB array, not a million objects). Immutable.
 */
public final class BlindedPoints {

    /** Bytes of one encoded point. */
    public static final int POINT_SIZE = 32;

    private final byte[] packed;

    BlindedPoints(byte[] packed) {
        if (packed.length % POINT_SIZE != 0) {
            throw new IllegalArgumentException("not a whole number of " + POINT_SIZE + "-byte points: " + packed.length + " bytes");
        }
        this.packed = packed;
    }

    /** Points from their encodings (a copy; e.g. as read from the wire). */
    public static BlindedPoints fromBytes(byte[] packed) {
        return new BlindedPoints(packed.clone());
    }

    /**
     * Points received from the other party, refused unless each is a canonical u-coordinate (below
     * 2^255 - 19) of a point outside the curve's small subgroup: a point of order 1, 2, 4 or 8 blinds to
     * the same value under every scalar, so such points in an answer would all "match" each other.
     */
    public static BlindedPoints received(byte[] packed) {
        BlindedPoints points = new BlindedPoints(packed.clone());
        for (int i = 0; i < points.size(); i++) {
            int off = i * POINT_SIZE;
            if (!SmallOrder.isCanonical(points.packed, off)) {
                throw new IllegalArgumentException("point " + i + " is not a canonical u-coordinate (below 2^255 - 19)");
            }
            if (SmallOrder.contains(points.packed, off)) {
                throw new IllegalArgumentException("point " + i + " is of small order, not a blinded item");
            }
        }
        return points;
    }

    public static BlindedPoints empty() {
        return new BlindedPoints(new byte[0]);
    }

    public int size() {
        return packed.length / POINT_SIZE;
    }

    /** The encoding of point i (a copy). */
    public byte[] point(int i) {
        return Arrays.copyOfRange(packed, i * POINT_SIZE, (i + 1) * POINT_SIZE);
    }

    /** Every point's encoding, in order, as one array (a copy): what goes on the wire. */
    public byte[] toBytes() {
        return packed.clone();
    }

    /** The points as lower-case hex strings, in order (for tests and logs of small runs). */
    public List<String> toHex() {
        HexFormat hex = HexFormat.of();
        return IntStream.range(0, size()).mapToObj(i -> hex.formatHex(packed, i * POINT_SIZE, (i + 1) * POINT_SIZE)).toList();
    }

    /** The shared array itself: only for this package's bulk steps, which never write to it. */
    byte[] packed() {
        return packed;
    }

    @Override
    public String toString() {
        return "BlindedPoints[" + size() + "]";
    }
}
