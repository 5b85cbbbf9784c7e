"""secure-sum 1.1.0: a DataToken trusted op (scenario S1).

Runs on a compute node: adds, element by element over the ring Z_(2^64), the share matrices the
node received from the parties. Each partial sum is as random as its inputs; only the sum of all
compute nodes' partial sums (at the algorithm owner) reveals sum_i X_i W_i.

Protocol: stdin {"shares": [matrices of integers in [0, 2^64)]}, stdout {"sum": matrix}.
Standard library only.

Speed (a 1M x 16 matrix takes seconds, not minutes, and there is no numpy): the shares are packed
into arrays of uint64 and added 64Ki elements at a time, each block read as one Python int with a
64-bit lane per element, so the ring addition runs in C over the whole block (SWAR: masks keep
carries inside their lane) instead of one Python operation per element. Entries outside [0, 2^64)
or not integers take the element-by-element path, which is the specification: sum(...) % 2^64.
"""
import gc
import json
import sys
from array import array
from functools import lru_cache

RING = 2**64
WORD = 8  # bytes per ring element
BLOCK = 1 << 16  # elements per block: buffers of 512 KiB, about cache-sized
ORDER = sys.byteorder  # memoryview and array read native order; int.from_bytes must agree


def secure_sum(shares):
    """The element-wise sum of the share matrices modulo 2^64."""
    rows, cols = shape_of(shares)
    try:
        packed = [pack(m) for m in shares]
    except OutsideRing:
        return [[sum(m[r][c] for m in shares) % RING for c in range(cols)] for r in range(rows)]
    if cols == 0:
        return [[] for _ in range(rows)]
    return memoryview(add_packed(packed)).cast("Q", [rows, cols]).tolist()


class OutsideRing(Exception):
    """A share holds an entry that is not an integer in [0, 2^64)."""


def shape_of(shares):
    """(rows, cols) of the share matrices, which must all have that shape."""
    if not shares:
        raise ValueError("nothing to add: send at least one share matrix")
    rows, cols = len(shares[0]), len(shares[0][0]) if shares[0] else 0
    if any(len(m) != rows or set(map(len, m)) - {cols} for m in shares):
        raise ValueError("all share matrices must have the same shape")
    return rows, cols


def pack(matrix):
    """The matrix as native-order uint64, row after row."""
    packed = array("Q")
    try:
        for row in matrix:
            packed.fromlist(row)
    except (OverflowError, TypeError) as e:  # array("Q") takes only ints in [0, 2^64), rows only as lists
        raise OutsideRing(str(e)) from e
    return packed


def add_packed(buffers):
    """The element-wise sum modulo 2^64 of equally long buffers of native-order uint64."""
    views = [memoryview(b).cast("B") for b in buffers]
    if any(v.nbytes != views[0].nbytes for v in views):
        raise ValueError("all share buffers must have the same length")
    total = bytearray(views[0])
    for start in range(0, len(total), WORD * BLOCK):
        lanes = slice(start, start + WORD * BLOCK)
        size = min(BLOCK, (len(total) - start) // WORD)
        block = int.from_bytes(total[lanes], ORDER)
        for view in views[1:]:
            block = _add(block, int.from_bytes(view[lanes], ORDER), size)
        total[lanes] = block.to_bytes(WORD * size, ORDER)
    return total


def _add(a, b, size):
    """a + b modulo 2^64 in each of `size` lanes: adding the low 63 bits of each lane cannot carry
    out of the lane; the XOR then sets each lane's top bit to the sum of the top bits and carry."""
    top, low = _lanes(1 << 63, size), _lanes(2**63 - 1, size)
    return ((a & low) + (b & low)) ^ ((a ^ b) & top)


@lru_cache(maxsize=16)
def _lanes(word, size):
    """`word` repeated in `size` 64-bit lanes."""
    return int.from_bytes(word.to_bytes(WORD, ORDER) * size, ORDER)


def main():
    gc.disable()  # millions of acyclic lists, then exit: collector passes would only cost time
    json.dump({"sum": secure_sum(json.load(sys.stdin)["shares"])}, sys.stdout)


if __name__ == "__main__":
    main()
