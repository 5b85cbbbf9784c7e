"""Unit tests of the S1 trusted ops ss-share and secure-sum (standard library only).

Run: python3 dev/demo/ops/test_ops.py   (or: python3 -m unittest discover -s dev/demo/ops -p test_ops.py)
"""
import base64
import importlib.util
import json
import random
import struct
import subprocess
import sys
import unittest
from itertools import chain
from pathlib import Path
from unittest import mock

RING = 2**64
OPS = Path(__file__).resolve().parent


def load(name, path):
    sys.dont_write_bytecode = True  # no __pycache__ inside an op's package directory
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


ss_share = load("ss_share", OPS / "ss-share" / "ss_share.py")
secure_sum = load("secure_sum", OPS / "secure-sum" / "secure_sum.py")


def encoded(z, scale_bits=16):
    """The specification: round(z * 2^scale_bits) mod 2^64, element by element."""
    return [[round(v * 2**scale_bits) % RING for v in row] for row in z]


def added(*matrices):
    return [[sum(values) % RING for values in zip(*rows)] for rows in zip(*matrices)]


def signed(v):
    return v - RING if v >= 2**63 else v


def rows_of(packed, cols):
    """Little-endian uint64 bytes as lists of `cols` Python ints (the tests' own reading of the layout)."""
    values = struct.unpack(f"<{len(packed) // 8}Q", packed)
    return [list(values[i:i + cols]) for i in range(0, len(values), cols)]


def wire(matrix):
    """A matrix of ring elements as a ring matrix v2 object (the tests' own writing of the format)."""
    data = struct.pack(f"<{len(matrix) * len(matrix[0])}Q", *chain.from_iterable(matrix))
    return {"rows": len(matrix), "cols": len(matrix[0]), "data": base64.b64encode(data).decode("ascii")}


def unwire(matrix):
    """The rows of a ring matrix v2 (JSON text or parsed), checking its members and layout."""
    m = json.loads(matrix) if isinstance(matrix, (bytes, str)) else matrix
    assert list(m) == ["rows", "cols", "data"], m.keys()
    data = base64.b64decode(m["data"], validate=True)
    assert len(data) == 8 * m["rows"] * m["cols"]
    return rows_of(data, m["cols"])


class SsShareTest(unittest.TestCase):

    def test_shares_add_up_to_the_fixed_point_matrix(self):
        rng = random.Random(7)
        ties = [k / 2**17 for k in range(-40, 40)]  # half-way cases: round() rounds them to even
        edges = [0.0, -0.0, 2.0**35 - 2.0**-17, -(2.0**35), 2.0**35, 1e12, -3e15, 5, -7, 2**40, True]
        values = [rng.uniform(-1e4, 1e4) for _ in range(3000)] + [rng.gauss(0, 1e-4) for _ in range(500)] + ties + edges
        z = [values[i:i + 7] for i in range(0, len(values) - len(values) % 7, 7)]
        for parties in (2, 3, 5):
            with self.subTest(parties=parties):
                shares = ss_share.split_packed(z, parties)
                self.assertEqual(len(shares), parties)
                self.assertTrue(all(len(share) == 8 * 7 * len(z) for share in shares))
                self.assertEqual(added(*(rows_of(share, 7) for share in shares)), encoded(z))

    def test_values_in_range_take_the_fast_path_and_round_as_round_does(self):
        rng = random.Random(8)
        z = [[rng.uniform(-2.0**34, 2.0**34) / 2**rng.randrange(60) for _ in range(5)] for _ in range(2000)]
        z += [[k / 2**17 for k in range(r, r + 5)] for r in range(-500, 500, 5)]
        with mock.patch.object(ss_share, "round", create=True, side_effect=AssertionError("slow path taken")):
            shares = ss_share.split_packed(z, 2)
        self.assertEqual(added(*(rows_of(share, 5) for share in shares)), encoded(z))

    def test_other_scales_and_blocks_of_many_rows(self):
        rng = random.Random(9)
        z = [[rng.uniform(-50, 50) for _ in range(3)] for _ in range(ss_share.BLOCK + 17)]  # 4 blocks
        for scale_bits in (0, 16, 24, 52, 60):
            with self.subTest(scale_bits=scale_bits):
                shares = ss_share.split_packed(z, 2, scale_bits)
                self.assertEqual(added(*(rows_of(share, 3) for share in shares)), encoded(z, scale_bits))

    def test_a_share_of_a_constant_matrix_looks_uniform(self):
        # 2^17 elements in 256 bins of the top byte: chi-square with 255 degrees of freedom has mean 255 and
        # standard deviation 22.6; it exceeds 450 with probability about 10^-12, while a share that leaks the
        # constant piles everything into one or two bins (chi-square in the millions).
        z = [[1.0] * 16 for _ in range(2**13)]
        for index, share in enumerate(ss_share.split_packed(z, 2)):
            with self.subTest(share=index):
                counts = [0] * 256
                for v in chain.from_iterable(rows_of(share, 16)):
                    counts[v >> 56] += 1
                expected = 16 * 2**13 / 256
                chi_square = sum((c - expected) ** 2 / expected for c in counts)
                self.assertLess(chi_square, 450)

    def test_fresh_randomness_every_time(self):
        z = [[1.5, -2.5]]
        self.assertNotEqual(ss_share.split_packed(z, 2)[0], ss_share.split_packed(z, 2)[0])

    def test_ss_share_multiplies_then_splits_into_ring_matrices(self):
        x = [[1.5, -2.0], [0.25, 4.0], [3.0, 1.0]]
        w = [[0.5, 1.0], [-1.25, 2.0]]
        z = [[3.25, -2.5], [-4.875, 8.25], [0.25, 5.0]]
        output = json.loads(b"".join(ss_share.ss_share(x, w, 3)))
        self.assertEqual(list(output), ["shares"])
        self.assertEqual(len(output["shares"]), 3)
        self.assertEqual(added(*map(unwire, output["shares"])), encoded(z))

    def test_a_ring_matrix_is_little_endian_uint64_in_padded_base64(self):
        packed = bytes([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x80])  # 1 and 2^63
        self.assertEqual(ss_share.encode_matrix(packed, 1, 2), b'{"rows":1,"cols":2,"data":"AQAAAAAAAAAAAAAAAAAAgA=="}')
        self.assertEqual(ss_share.encode_matrix(packed, 2, 1), b'{"rows":2,"cols":1,"data":"AQAAAAAAAAAAAAAAAAAAgA=="}')
        with self.assertRaisesRegex(ValueError, "not a 2 x 2 matrix"):
            ss_share.encode_matrix(packed, 2, 2)

    def test_bad_shapes_and_parties_raise_value_error(self):
        for args in (([[1.0, 2.0], [3.0]], 2), ([], 2), ([[]], 2), ([[1.0]], 1)):
            with self.subTest(args=args), self.assertRaises(ValueError):
                ss_share.split_packed(*args)
        with self.assertRaisesRegex(ValueError, "inner dimensions"):
            ss_share.ss_share([[1]], [[1, 2], [3, 4]], 2)
        with self.assertRaisesRegex(ValueError, "at least 2 parties"):
            ss_share.ss_share([[1]], [[1]], 1)

    def test_not_a_number_fails_as_round_fails(self):
        for bad in (float("nan"), float("inf")):
            with self.subTest(value=bad), self.assertRaises((ValueError, OverflowError)):
                ss_share.split_packed([[1.0, bad]], 2)


class SecureSumTest(unittest.TestCase):

    def test_adds_modulo_2_64(self):
        rng = random.Random(10)
        matrices = [[[rng.randrange(RING) for _ in range(5)] for _ in range(30000)] for _ in range(3)]  # 3 blocks
        matrices[0][0][:3] = [RING - 1, 0, 2**63]
        for count in (1, 2, 3):
            with self.subTest(count=count):
                total = secure_sum.secure_sum([wire(m) for m in matrices[:count]])
                self.assertEqual(unwire(b"".join(total)), added(*matrices[:count]))

    def test_shares_of_two_parties_summed_per_node_reconstruct_their_sum(self):
        rng = random.Random(11)
        z_a = [[rng.uniform(-1e3, 1e3) for _ in range(4)] for _ in range(500)]
        z_b = [[rng.uniform(-1e3, 1e3) for _ in range(4)] for _ in range(500)]
        shares_a, shares_b = (json.loads(b"".join(ss_share.shares_output(z, 3)))["shares"] for z in (z_a, z_b))
        partials = [json.loads(b"".join(secure_sum.respond(json.dumps({"shares": [a, b]}))))["sum"]
                    for a, b in zip(shares_a, shares_b)]
        total = unwire(b"".join(secure_sum.secure_sum(partials)))
        for row, row_a, row_b in zip(total, z_a, z_b):
            for v, a, b in zip(row, row_a, row_b):
                self.assertAlmostEqual(signed(v) / 2**16, a + b, delta=2**-16)

    def test_packed_sum_equals_the_list_sum(self):
        rng = random.Random(12)
        a = [[rng.randrange(RING) for _ in range(3)] for _ in range(100)]
        b = [[rng.randrange(RING) for _ in range(3)] for _ in range(100)]
        packed = secure_sum.add_packed([secure_sum.decode_matrix(wire(a))[0], secure_sum.decode_matrix(wire(b))[0]])
        self.assertEqual(rows_of(packed, 3), added(a, b))

    def test_decoding_reads_what_encoding_wrote(self):
        matrix = [[0, RING - 1, 2**63], [1, 2, 3]]
        packed, rows, cols = secure_sum.decode_matrix(wire(matrix))
        self.assertEqual((rows, cols, rows_of(packed, 3)), (2, 3, matrix))
        self.assertEqual(json.loads(secure_sum.encode_matrix(packed, rows, cols)), wire(matrix))

    def test_malformed_ring_matrices_are_refused(self):
        one = wire([[7, 8]])  # 16 bytes: 24 characters of base64
        cases = {
            "not an object": [[1, 2]],
            "extra member": {**one, "scale": 16},
            "missing member": {"rows": 1, "cols": 2},
            "zero rows": {**one, "rows": 0, "cols": 2},
            "negative cols": {**one, "rows": -1, "cols": -2},
            "rows not a whole number": {**one, "rows": 1.0},
            "rows a boolean": {**one, "rows": True},
            "rows a string": {**one, "rows": "1"},
            "data not a string": {**one, "data": [7, 8]},
            "wrong length": {**one, "cols": 1},
            "bad base64": {**one, "data": one["data"][:-4] + "!!=="},
            "no padding": {**one, "data": one["data"].rstrip("=") + "AA"},
            "line break": {**one, "data": one["data"][:10] + "\n" + one["data"][11:]},
            "not ascii": {**one, "data": "\u00e9" + one["data"][1:]},
        }
        for case, matrix in cases.items():
            with self.subTest(case=case), self.assertRaises(ValueError):
                secure_sum.secure_sum([matrix])

    def test_no_shares_or_different_shapes_raise_value_error(self):
        for shares in ([], [wire([[1, 2]]), wire([[1, 2], [3, 4]])], [wire([[1, 2]]), wire([[1]])],
                       [wire([[1, 2]]), wire([[1], [2]])]):
            with self.subTest(shares=shares), self.assertRaises(ValueError):
                secure_sum.secure_sum(shares)
        for request in (b"[]", b'{"shares": {}}', b"{}"):
            with self.subTest(request=request), self.assertRaisesRegex(ValueError, "the input is"):
                secure_sum.respond(request)


class ProtocolTest(unittest.TestCase):
    """Both ops as the compute node runs them: isolated Python, JSON on stdin and stdout."""

    def run_op(self, op, request):
        return subprocess.run([sys.executable, "-I", "-S", str(op)], input=json.dumps(request), capture_output=True,
                              text=True, timeout=60)

    def test_shares_then_sums_over_json(self):
        x, w = [[1.5, -2.0], [0.25, 4.0]], [[0.5, 1.0], [-1.25, 2.0]]
        done = self.run_op(OPS / "ss-share" / "ss_share.py", {"x": x, "w": w, "parties": 2})
        self.assertEqual(done.returncode, 0, done.stderr)
        reply = json.loads(done.stdout)
        self.assertEqual(list(reply), ["shares"])
        self.assertEqual([list(share) for share in reply["shares"]], [["rows", "cols", "data"]] * 2)
        done = self.run_op(OPS / "secure-sum" / "secure_sum.py", {"shares": reply["shares"]})
        self.assertEqual(done.returncode, 0, done.stderr)
        total = json.loads(done.stdout)
        self.assertEqual(list(total), ["sum"])
        self.assertEqual(unwire(total["sum"]), encoded([[3.25, -2.5], [-4.875, 8.25]]))

    def test_a_malformed_share_stops_secure_sum_with_an_error(self):
        done = self.run_op(OPS / "secure-sum" / "secure_sum.py", {"shares": [{"rows": 1, "cols": 1, "data": "AAAA"}]})
        self.assertNotEqual(done.returncode, 0)
        self.assertIn("12 characters of base64", done.stderr)
        self.assertEqual(done.stdout, "")


if __name__ == "__main__":
    unittest.main()
