"""secure-sum 1.0.0: a DataToken trusted op (scenario S1).

Runs on a compute node: adds, element by element over the ring Z_(2^64), the share matrices the
node received from the parties. Each partial sum is as random as its inputs; only the sum of all
compute nodes' partial sums (at the algorithm owner) reveals sum_i X_i W_i.

Protocol: stdin {"shares": [matrices of integers in [0, 2^64)]}, stdout {"sum": matrix}.
Standard library only.
"""
import json
import sys

RING = 2**64


def secure_sum(shares):
    if not shares:
        raise ValueError("nothing to add: send at least one share matrix")
    rows, cols = len(shares[0]), len(shares[0][0])
    if any(len(m) != rows or any(len(r) != cols for r in m) for m in shares):
        raise ValueError("all share matrices must have the same shape")
    return [[sum(m[r][c] for m in shares) % RING for c in range(cols)] for r in range(rows)]


def main():
    json.dump({"sum": secure_sum(json.load(sys.stdin)["shares"])}, sys.stdout)


if __name__ == "__main__":
    main()
