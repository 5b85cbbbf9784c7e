"""secure-sum 1.0.0: a DataToken trusted op (scenario S1). PLACEHOLDER: the compute node's op
runtime comes in a later issue; this states what the op does and sketches it.

Runs on a compute node. Adds, element by element over the ring Z_(2^64), the additive shares
of every party's Z_i = X_i W_i that this node holds (as ss-share made them). The data user adds
the nodes' results to get Z = sum_i X_i W_i; a node's own sum is uniformly random on its own.
"""
RING = 2**64
SCALE = 2**16


def secure_sum(held_shares):
    """The element-wise sum of the share matrices this node holds."""
    rows, cols = len(held_shares[0]), len(held_shares[0][0])
    return [[sum(m[r][c] for m in held_shares) % RING for c in range(cols)] for r in range(rows)]


def reveal(node_sums):
    """What the data user does with every node's sum: Z as floating point numbers."""
    total = secure_sum(node_sums)
    return [[(v - RING if v >= RING // 2 else v) / SCALE for v in row] for row in total]


if __name__ == "__main__":
    raise SystemExit("secure-sum is a placeholder: the compute node will run it in a later issue")
