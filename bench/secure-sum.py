#!/usr/bin/env python3
"""Benchmark of scenario S1's secure sum against the plaintext sum (run on demand: ./datatoken bench
secure-sum). Measures in one run, on one machine, in one process, alternately --repeat times each:
  plaintext  Z = Z_A + Z_B, element by element, on two rows x cols matrices of floats
  secure     each of the two parties splits its Z_i into --parties additive shares over Z_(2^64)
             (ss-share's split: fixed point with 16 fractional bits), each compute node adds the
             shares it holds (secure-sum), the algorithm owner adds the partial sums and decodes
             them to floats (as services/compute Results.decode does); the ops work on lists of
             rows of Python ints, their protocol's form (what json.load gives and json.dump takes)
  packed     the same, through the same ops' packed functions (buffers of uint64): what the
             arithmetic and the randomness cost without the lists of ints in between
The X_i W_i product is left out (the plaintext sum needs it too), and so is JSON. The ops' code is
the shipped code, imported from dev/demo/ops. The garbage collector is off on all sides, as in the
ops' processes. Times are CPU seconds of this process (time.process_time): the bench is
single-threaded, and wall time would charge either side with whatever else the machine runs at
that moment. Checks the decoded Z against the plaintext Z (at most 2^-15 apart per element; exit 1
if not). Goal (issue): secure <= 5x plaintext.

Usage: python3 bench/secure-sum.py [--rows 1000000] [--cols 16] [--parties 2] [--repeat 3] [--seed 1]
"""
import argparse
import gc
import importlib.util
import os
import platform
import random
import resource
import statistics
import sys
import time
from itertools import chain, repeat
from operator import add, sub, truediv
from pathlib import Path

GOAL = 5.0
SCALE_BITS = 16
TOLERANCE = 2.0**-15
WORD = 8  # bytes per ring element
OPS = Path(__file__).resolve().parent.parent / "dev" / "demo" / "ops"


def load(name, path):
    sys.dont_write_bytecode = True  # no __pycache__ inside an op's package directory
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


ss_share = load("ss_share", OPS / "ss-share" / "ss_share.py")
secure_sum = load("secure_sum", OPS / "secure-sum" / "secure_sum.py")


def matrix(rng, rows, cols):
    """rows x cols floats in [-1000, 1000)."""
    uniform = rng.random
    return [[2000.0 * uniform() - 1000.0 for _ in range(cols)] for _ in range(rows)]


def plaintext(z_a, z_b):
    return [list(map(add, a, b)) for a, b in zip(z_a, z_b)]


def decode(packed, rows, cols, scale_bits):
    """The owner's reading of the ring sum as signed fixed point (as services/compute Results.decode)."""
    scale = float(2**scale_bits)
    words = memoryview(packed).cast("B")
    block = WORD * cols * max(1, secure_sum.BLOCK // cols)  # whole rows
    z = []
    for start in range(0, len(words), block):
        values = list(map(truediv, words[start:start + block].cast("q").tolist(), repeat(scale)))
        z.extend([values[i:i + cols] for i in range(0, len(values), cols)])
    return z


def secure(z_a, z_b, parties):
    """Z through the S1 ops as their processes run them, on lists of rows of Python ints (what
    json.load gives and json.dump takes), and the seconds each step took for all parties or nodes.
    Each node's shares are freed once it has added them, as its process would."""
    clock = time.process_time
    start = clock()
    shares = [ss_share.split(z, parties, SCALE_BITS) for z in (z_a, z_b)]  # one list per party
    split = clock()
    partials = []
    for node in range(parties):
        partials.append(secure_sum.secure_sum([party[node] for party in shares]))
        for party in shares:
            party[node] = None
    added = clock()
    z = decode(secure_sum.add_packed([secure_sum.pack(p) for p in partials]), len(z_a), len(z_a[0]), SCALE_BITS)
    del partials
    return z, {"split": split - start, "add": added - split, "owner": clock() - added}


def secure_packed(z_a, z_b, parties):
    """The same arithmetic and randomness on the ops' packed buffers: no lists of ints in between."""
    clock = time.process_time
    start = clock()
    shares = [ss_share.split_packed(z, parties, SCALE_BITS) for z in (z_a, z_b)]
    split = clock()
    partials = []
    for node in range(parties):
        partials.append(secure_sum.add_packed([party[node] for party in shares]))
        for party in shares:
            party[node] = None
    added = clock()
    z = decode(secure_sum.add_packed(partials), len(z_a), len(z_a[0]), SCALE_BITS)
    del partials
    return z, {"split": split - start, "add": added - split, "owner": clock() - added}


def max_error(z, expected):
    return max(map(abs, map(sub, chain.from_iterable(z), chain.from_iterable(expected))))


def rss_mib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def main():
    parser = argparse.ArgumentParser(description="secure sum (S1 ops) versus plaintext sum")
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--cols", type=int, default=16)
    parser.add_argument("--parties", type=int, default=2, help="shares per matrix, i.e. compute nodes (>= 2)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if args.rows < 1 or args.cols < 1 or args.parties < 2 or args.repeat < 1:
        parser.error("rows, cols and repeat must be >= 1, parties >= 2")

    gc.disable()
    print(f"bench: secure sum of two {args.rows} x {args.cols} matrices, {args.parties} shares each "
          f"(compute nodes), {args.repeat} runs, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"GC off, CPU seconds", flush=True)
    started = time.perf_counter()
    rng = random.Random(args.seed)
    z_a, z_b = matrix(rng, args.rows, args.cols), matrix(rng, args.rows, args.cols)
    inputs_mib = rss_mib()
    print(f"    inputs Z_A, Z_B generated in {time.perf_counter() - started:.1f} s (seed {args.seed}, "
          f"floats in [-1000, 1000))", flush=True)

    variants = {"plaintext": [], "secure": [], "packed": []}
    steps = {"secure": [], "packed": []}
    errors = []
    peaks = {}  # maxrss after each variant's first run; the list form, which needs the most, runs last
    for run in range(args.repeat):
        start = time.process_time()
        expected = plaintext(z_a, z_b)
        variants["plaintext"].append(time.process_time() - start)
        peaks.setdefault("plaintext", rss_mib())
        for name, variant in (("packed", secure_packed), ("secure", secure)):
            start = time.process_time()
            z, step = variant(z_a, z_b, args.parties)
            variants[name].append(time.process_time() - start)
            steps[name].append(step)
            if run == 0:
                errors.append(max_error(z, expected))
            del z
            peaks.setdefault(name, rss_mib())
        del expected
        print(f"    run {run + 1}: " + ", ".join(f"{name} {times[-1]:.3f} s" for name, times in variants.items()),
              flush=True)

    def line(label, times):
        print(f"    {label:<50} best {min(times):8.3f} s   median {statistics.median(times):8.3f} s")

    plain = statistics.median(variants["plaintext"])

    def verdict(label, name):
        ratio = statistics.median(variants[name]) / plain
        print(f"    ratio {label} {ratio:.2f} (goal <= {GOAL:.0f}: {'met' if ratio <= GOAL else 'NOT met'})")
        # Deployed, the parties split at once on their own machines, and so do the compute nodes.
        path = statistics.median([s["split"] / 2 + s["add"] / args.parties + s["owner"] for s in steps[name]])
        print(f"      (one party's split + one node's sum + the owner, each on its own machine: {path:.3f} s, "
              f"ratio {path / plain:.2f})")

    def breakdown(name):
        for step, label in (("split", "ss-share split, both parties"), ("add", f"secure-sum on {args.parties} nodes"),
                            ("owner", "owner adds partial sums, decodes")):
            line(f"  {label}", [s[step] for s in steps[name]])

    line("plaintext  Z_A + Z_B", variants["plaintext"])
    line("secure     ops on lists of ints (their protocol)", variants["secure"])
    breakdown("secure")
    line("packed     same ops on uint64 buffers", variants["packed"])
    breakdown("packed")
    verdict("secure/plaintext (medians)", "secure")
    verdict("packed/plaintext (medians)", "packed")
    print(f"    peak memory (maxrss): inputs {inputs_mib:.0f} MiB, + plaintext {peaks['plaintext']:.0f} MiB, "
          f"+ packed {peaks['packed']:.0f} MiB, + secure {peaks['secure']:.0f} MiB")
    error = max(errors)
    ok = error <= TOLERANCE
    print(f"    max |Z_secure - Z_plaintext| {error:.3g} (bound 2^-15 = {TOLERANCE:.3g}): {'ok' if ok else 'FAILED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
