"""ss-share 1.2.0: a DataToken trusted op (scenario S1).

Runs next to a data provider's data. Multiplies the party's local feature matrix X_i by its
private matrix W_i and splits Z_i = X_i W_i into n additive shares over the ring Z_(2^64)
(fixed point with `scale_bits` fractional bits, 16 by default), one share per compute node: the
shares add up to Z_i, and any n-1 of them are uniformly random, so no single compute node learns
anything about X_i.

Protocol: one JSON object on stdin {"x": [[...]], "w": [[...]], "parties": n, "scale_bits": 16}
(x and w matrices of numbers), one JSON object on stdout {"shares": [M_1, ..., M_n]}, each M a
ring matrix (v2): {"rows": r, "cols": c, "data": "<standard padded base64 of the r*c elements as
little-endian uint64, row after row>"}. Standard library only.

Speed (a 1M x 16 matrix takes seconds, not minutes, and there is no numpy): Z_i is encoded and
split a block of rows at a time, each block held as one Python int with a 64-bit lane per element,
so the ring arithmetic runs in C over the whole block (SWAR: masks keep borrows inside their lane)
instead of one Python operation per element. The shares stay packed (bytes of little-endian
uint64) up to the base64 of the output: no Python int or list per element. The randomness is one
os.urandom read per random share, every 8 bytes an element: uniform over [0, 2^64) like
secrets.randbelow(2^64), which draws from the same source.
"""
import binascii
import gc
import json
import os
import struct
import sys
from array import array
from functools import lru_cache
from itertools import chain, repeat
from operator import add, mul

RING = 2**64
WORD = 8  # bytes per ring element
BLOCK = 1 << 16  # elements per block: buffers of 512 KiB, about cache-sized
ORDER = "little"  # of every packed buffer (the wire's order), whatever the machine's (sys.byteorder)


def ss_share(x, w, parties, scale_bits=16):
    """The op's output for X and W, {"shares": [...]}, as parts of JSON text (see shares_output)."""
    _check_parties(parties)
    if not x or not w or len(x[0]) != len(w):
        raise ValueError("x is rows x k and w is k x m: their inner dimensions must agree")
    return shares_output(product(x, w), parties, scale_bits)


def shares_output(z, parties, scale_bits=16):
    """{"shares": [...]}, the shares of round(z * 2^scale_bits) as ring matrices, as a list of
    bytes whose concatenation is the JSON text: written one after the other, nothing is copied."""
    rows, cols = _shape(z)
    parts = [b'{"shares":[']
    for index, share in enumerate(split_packed(z, parties, scale_bits)):
        if index:
            parts.append(b",")
        parts += matrix_parts(share, rows, cols)
    return parts + [b"]}"]


def product(x, w):
    """X W, as plain Python floats (or ints, if both are integer matrices)."""
    columns = list(zip(*w))
    return [[sum(map(mul, row, column)) for column in columns] for row in x]


def split_packed(z, parties, scale_bits=16):
    """`parties` shares of round(z * 2^scale_bits) mod 2^64, each as bytes of little-endian uint64,
    row after row: the shares add up to it element by element modulo 2^64."""
    _check_parties(parties)
    rows, cols = _shape(z)
    shares = [os.urandom(WORD * rows * cols) for _ in range(parties - 1)]
    last = bytearray(WORD * rows * cols)
    step = max(1, BLOCK // cols)
    for start in range(0, rows, step):
        block = z[start:start + step]
        size = len(block) * cols
        lanes = slice(WORD * start * cols, WORD * (start * cols + size))
        rest = _encode(block, size, scale_bits)
        for noise in shares:
            rest = _subtract(rest, int.from_bytes(noise[lanes], ORDER), size)
        last[lanes] = rest.to_bytes(WORD * size, ORDER)
    return shares + [last]


def encode_matrix(packed, rows, cols):
    """A ring matrix (v2) as compact JSON text (bytes)."""
    return b"".join(matrix_parts(packed, rows, cols))


def matrix_parts(packed, rows, cols):
    """encode_matrix's text in three parts, the base64 in the middle: base64 needs no JSON escaping, so
    the text is put together directly (json.dumps would scan and copy the data again) and never
    joined on the op's path (a copy of all the data)."""
    if len(packed) != WORD * rows * cols:
        raise ValueError(f"{len(packed)} bytes are not a {rows} x {cols} matrix of uint64")
    return [b'{"rows":%d,"cols":%d,"data":"' % (rows, cols), binascii.b2a_base64(packed, newline=False), b'"}']


def _check_parties(parties):
    if parties < 2:
        raise ValueError("secret sharing needs at least 2 parties")


def _shape(z):
    if not z or not z[0] or set(map(len, z)) != {len(z[0])}:
        raise ValueError("z must be a non-empty matrix: a list of non-empty rows of equal length")
    return len(z), len(z[0])


def _encode(block, size, scale_bits):
    """The block's round(v * 2^scale_bits) mod 2^64, one 64-bit lane per element.

    Adding 1.5 * 2^(52 - scale_bits) to v leaves round(v * 2^scale_bits) + 2^51 (rounded half to
    even, as round() does) in the low 52 bits of the double, provided the sum keeps that exponent,
    i.e. |v| < 2^(51 - scale_bits): one C-level float addition per element instead of round().
    Blocks with a value out of that range (or not a number) take round() element by element.
    """
    if 0 <= scale_bits <= 52:
        magic = 1.5 * 2.0 ** (52 - scale_bits)
        try:
            bits = int.from_bytes(struct.pack(f"<{size}d", *map(add, chain.from_iterable(block), repeat(magic))), ORDER)
        except (TypeError, OverflowError, struct.error):
            bits = None
        if bits is not None and bits & _lanes(0xFFF << 52, size) == _lanes((1023 + 52 - scale_bits) << 52, size):
            return _subtract(bits & _lanes(2**52 - 1, size), _lanes(2**51, size), size)
    scale = 2**scale_bits
    exact = array("Q", [round(v * scale) % RING for v in chain.from_iterable(block)])
    if sys.byteorder != ORDER:
        exact.byteswap()
    return int.from_bytes(exact, ORDER)


def _subtract(a, b, size):
    """a - b modulo 2^64 in each of `size` lanes: setting every lane's top bit of a and clearing
    b's keeps each lane's difference non-negative, so no borrow crosses into the next lane; the
    last XOR puts the right top bit back."""
    top = _lanes(1 << 63, size)
    return ((a | top) - (b & _lanes(2**63 - 1, size))) ^ ((a ^ b ^ top) & top)


@lru_cache(maxsize=16)
def _lanes(word, size):
    """`word` repeated in `size` 64-bit lanes."""
    return int.from_bytes(word.to_bytes(WORD, ORDER) * size, ORDER)


def main():
    gc.disable()  # millions of acyclic lists (x, w, z), then exit: collector passes would only cost time
    request = json.load(sys.stdin)
    output = ss_share(request["x"], request["w"], int(request["parties"]), int(request.get("scale_bits", 16)))
    sys.stdout.buffer.writelines(output)
    sys.stdout.buffer.flush()


if __name__ == "__main__":
    main()
