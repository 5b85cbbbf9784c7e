"""secure-sum 1.2.0: a DataToken trusted op (scenario S1).

Runs on a compute node: adds, element by element over the ring Z_(2^64), the share matrices the
node received from the parties. Each partial sum is as random as its inputs; only the sum of all
compute nodes' partial sums (at the algorithm owner) reveals sum_i X_i W_i.

Protocol: stdin {"shares": [M_1, ..., M_k]}, stdout {"sum": M}, each M a ring matrix (v2):
{"rows": r, "cols": c, "data": "<standard padded base64 of the r*c elements as little-endian
uint64, row after row>"}, nothing else in it; all shares have the same shape, and a malformed one
stops the op with an error. Standard library only.

Speed (a 1M x 16 matrix takes seconds, not minutes, and there is no numpy): the shares are decoded
from base64 straight into bytes of uint64 and added 64Ki elements at a time, each block read as one
Python int with a 64-bit lane per element, so the ring addition runs in C over the whole block
(SWAR: masks keep carries inside their lane) instead of one Python operation per element; the sum
is encoded back to base64 from those bytes. No Python int or list per element.
"""
import base64
import binascii
import gc
import json
import sys
from functools import lru_cache

WORD = 8  # bytes per ring element
BLOCK = 1 << 16  # elements per block: buffers of 512 KiB, about cache-sized
ORDER = "little"  # of every packed buffer (the wire's order), whatever the machine's (sys.byteorder)
MEMBERS = {"rows", "cols", "data"}


def secure_sum(shares):
    """The element-wise sum modulo 2^64 of the ring matrices `shares` (v2 objects, as json.load gives
    them), as a ring matrix (v2 JSON text) in parts (see matrix_parts)."""
    if not shares:
        raise ValueError("nothing to add: send at least one share matrix")
    decoded = [decode_matrix(m) for m in shares]
    rows, cols = decoded[0][1:]
    if any((r, c) != (rows, cols) for _, r, c in decoded):
        raise ValueError("all share matrices must have the same shape")
    return matrix_parts(add_packed([packed for packed, _, _ in decoded]), rows, cols)


def decode_matrix(matrix):
    """(bytes of little-endian uint64, rows, cols) of a ring matrix (v2), checked: exactly the members
    rows and cols (whole numbers >= 1) and data (standard padded base64 of 8 * rows * cols bytes)."""
    if not isinstance(matrix, dict) or set(matrix) != MEMBERS:
        raise ValueError('a ring matrix is an object of exactly "rows", "cols" and "data"')
    rows, cols, data = matrix["rows"], matrix["cols"], matrix["data"]
    if type(rows) is not int or type(cols) is not int or rows < 1 or cols < 1:
        raise ValueError(f"a ring matrix has whole numbers >= 1 of rows and cols, not {rows!r} x {cols!r}")
    size = WORD * rows * cols
    if not isinstance(data, str) or len(data) != 4 * -(-size // 3):
        raise ValueError(f"the data of a {rows} x {cols} ring matrix is {4 * -(-size // 3)} characters of base64")
    try:
        packed = _base64(data)
    except (binascii.Error, ValueError) as e:
        raise ValueError(f"the data of a ring matrix is not standard padded base64: {e}") from e
    if len(packed) != size:
        raise ValueError(f"the data of a {rows} x {cols} ring matrix is {size} bytes, not {len(packed)}")
    return packed, rows, cols


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


def _base64(text):
    try:
        return binascii.a2b_base64(text, strict_mode=True)  # Python 3.11+: no stray characters, padding required
    except TypeError:
        return base64.b64decode(text, validate=True)


def add_packed(buffers):
    """The element-wise sum modulo 2^64 of equally long buffers of little-endian uint64."""
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


def respond(request):
    """The op's output for its input (JSON text, bytes or str): {"sum": M} as parts of JSON text."""
    request = json.loads(request)
    if not isinstance(request, dict) or not isinstance(request.get("shares"), list):
        raise ValueError('the input is {"shares": [ring matrices]}')
    return [b'{"sum":'] + secure_sum(request["shares"]) + [b"}"]


def main():
    gc.disable()  # a handful of big objects, then exit: collector passes would only cost time
    sys.stdout.buffer.writelines(respond(sys.stdin.buffer.read()))
    sys.stdout.buffer.flush()


if __name__ == "__main__":
    main()
