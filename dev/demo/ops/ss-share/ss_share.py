"""ss-share 1.0.0: a DataToken trusted op (scenario S1). PLACEHOLDER: the compute node's op
runtime comes in a later issue; this states what the op does and sketches it.

Runs next to a data provider's data. Multiplies the party's local feature matrix X_i by its
private matrix W_i and splits Z_i = X_i W_i into n additive shares over the ring Z_(2^64)
(fixed point, 16 fractional bits), one per compute node: the shares add up to Z_i, and any
n-1 of them are uniformly random, so no single compute node learns anything about X_i.
"""
import secrets

RING = 2**64
SCALE = 2**16


def ss_share(x, w, n):
    """X_i (rows x k) times W_i (k x m), returned as n share matrices (rows x m)."""
    z = [[sum(a * b for a, b in zip(row, col)) for col in zip(*w)] for row in x]
    shares = [[[0] * len(z[0]) for _ in z] for _ in range(n)]
    for r, row in enumerate(z):
        for c, value in enumerate(row):
            rest = round(value * SCALE) % RING
            for s in range(n - 1):
                shares[s][r][c] = secrets.randbelow(RING)
                rest = (rest - shares[s][r][c]) % RING
            shares[n - 1][r][c] = rest
    return shares


if __name__ == "__main__":
    raise SystemExit("ss-share is a placeholder: the compute node will run it in a later issue")
