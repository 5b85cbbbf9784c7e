"""ss-share 1.0.0: a DataToken trusted op (scenario S1).

Runs next to a data provider's data. Multiplies the party's local feature matrix X_i by its
private matrix W_i and splits Z_i = X_i W_i into n additive shares over the ring Z_(2^64)
(fixed point with `scale_bits` fractional bits, 16 by default), one share per compute node: the
shares add up to Z_i, and any n-1 of them are uniformly random, so no single compute node learns
anything about X_i.

Protocol: one JSON object on stdin {"x": [[...]], "w": [[...]], "parties": n, "scale_bits": 16},
one JSON object on stdout {"shares": [n matrices of integers in [0, 2^64)]}. Standard library only.
"""
import json
import secrets
import sys

RING = 2**64


def ss_share(x, w, parties, scale_bits=16):
    if parties < 2:
        raise ValueError("secret sharing needs at least 2 parties")
    if not x or not w or len(x[0]) != len(w):
        raise ValueError("x is rows x k and w is k x m: their inner dimensions must agree")
    scale = 2**scale_bits
    z = [[sum(a * b for a, b in zip(row, col)) for col in zip(*w)] for row in x]
    shares = [[[0] * len(z[0]) for _ in z] for _ in range(parties)]
    for r, row in enumerate(z):
        for c, value in enumerate(row):
            rest = round(value * scale) % RING
            for s in range(parties - 1):
                shares[s][r][c] = secrets.randbelow(RING)
                rest = (rest - shares[s][r][c]) % RING
            shares[parties - 1][r][c] = rest
    return shares


def main():
    request = json.load(sys.stdin)
    shares = ss_share(request["x"], request["w"], int(request["parties"]), int(request.get("scale_bits", 16)))
    json.dump({"shares": shares}, sys.stdout)


if __name__ == "__main__":
    main()
