#!/usr/bin/env python3
"""Benchmark of scenario S1's secure sum against the plaintext sum (run on demand: ./datatoken bench
secure-sum). Measures in one run, on one machine, in one process, alternately --repeat times each:
  plaintext  Z = Z_A + Z_B, element by element, on two rows x cols matrices of floats
  secure     the shipped path, the ops' own code and wire format (ring matrices v2: base64 of
             little-endian uint64 in JSON), each step as its op's process does it between reading
             stdin and writing stdout:
               split  each party's ss-share: Z_i into --parties additive shares over Z_(2^64)
                      (fixed point, 16 fractional bits), each share encoded, the output
                      {"shares": [...]} as JSON text (ss_share.shares_output)
               sum    each compute node's secure-sum: its input {"shares": [one share per party]}
                      parsed and decoded, added, the output {"sum": M} encoded (secure_sum.respond)
             (outputs as the ops write them: parts of the JSON text written one after the other)
               owner  the algorithm owner parses and decodes the partial sums, adds them and reads
                      them as floats (in Python here; the node does it in Java, Results.decode)
  packed     the same arithmetic and randomness on the ops' packed buffers, no encoding at all:
             what the wire format costs on top
Left out: the X_i W_i product (the plaintext sum needs it too), reading X and W, process start-up,
pipes, and the node's own work between ops (it parses, checks and re-writes each matrix in Java,
then passes it on); the bench does that hand-over with json outside the clock. "Serial" is all
steps one after the other; "as deployed" is what the parties and the nodes do at the same time on
their own machines: the slowest party's split, then the slowest node's sum, then the owner.
The garbage collector is off on all sides, as in the ops' processes. Times are CPU seconds of this
process (time.process_time): the bench is single-threaded, and wall time would charge either side
with whatever else the machine runs at that moment. Checks the decoded Z against the plaintext Z
(at most 2^-15 apart per element; exit 1 if not). Goal (issue): secure <= 5x plaintext.

Usage: python3 bench/secure-sum.py [--rows 1000000] [--cols 16] [--parties 2] [--repeat 3] [--seed 1]
"""
import argparse
import gc
import importlib.util
import json
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


def decode(packed, cols, scale_bits):
    """The owner's reading of the ring sum (little-endian uint64) as signed fixed point."""
    if sys.byteorder != "little":
        raise SystemExit("the bench reads the ring sum in the machine's order: little-endian machines only")
    scale = float(2**scale_bits)
    words = memoryview(packed).cast("B")
    block = WORD * cols * max(1, secure_sum.BLOCK // cols)  # whole rows
    z = []
    for start in range(0, len(words), block):
        values = list(map(truediv, words[start:start + block].cast("q").tolist(), repeat(scale)))
        z.extend([values[i:i + cols] for i in range(0, len(values), cols)])
    return z


def node_inputs(outputs, parties):
    """What each compute node feeds its secure-sum: {"shares": [its share from every party]} (the
    node's Java work in deployment: not timed)."""
    shares = [json.loads(b"".join(output))["shares"] for output in outputs]
    return [json.dumps({"shares": [party[node] for party in shares]}, separators=(",", ":")) for node in range(parties)]


def secure(z_a, z_b, parties):
    """Z through the S1 ops' shipped path, and the CPU seconds of each party's, node's and the
    owner's step. Each step's input is freed once it is used, as its process would."""
    clock = time.process_time
    times = {"split": [], "sum": [], "owner": []}
    outputs = []
    for z in (z_a, z_b):
        start = clock()
        outputs.append(ss_share.shares_output(z, parties, SCALE_BITS))
        times["split"].append(clock() - start)
    inputs = node_inputs(outputs, parties)
    del outputs
    partials = []
    for node in range(parties):
        start = clock()
        output = secure_sum.respond(inputs[node])
        times["sum"].append(clock() - start)
        inputs[node] = None
        partials.append(b"".join(output))  # the node's hand-over to the owner's node: not timed
        del output
    start = clock()
    decoded = [secure_sum.decode_matrix(json.loads(p)["sum"]) for p in partials]
    del partials
    z = decode(secure_sum.add_packed([packed for packed, _, _ in decoded]), decoded[0][2], SCALE_BITS)
    times["owner"].append(clock() - start)
    return z, times


def secure_packed(z_a, z_b, parties):
    """The same arithmetic and randomness on the ops' packed buffers: no encoding in between."""
    clock = time.process_time
    times = {"split": [], "sum": [], "owner": []}
    shares = []
    for z in (z_a, z_b):
        start = clock()
        shares.append(ss_share.split_packed(z, parties, SCALE_BITS))
        times["split"].append(clock() - start)
    partials = []
    for node in range(parties):
        start = clock()
        partials.append(secure_sum.add_packed([party[node] for party in shares]))
        times["sum"].append(clock() - start)
        for party in shares:
            party[node] = None
    start = clock()
    z = decode(secure_sum.add_packed(partials), len(z_a[0]), SCALE_BITS)
    times["owner"].append(clock() - start)
    return z, times


def serial(times):
    return sum(map(sum, times.values()))


def deployed(times):
    return max(times["split"]) + max(times["sum"]) + times["owner"][0]


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

    plain = []
    steps = {"secure": [], "packed": []}
    errors = []
    peaks = {}  # maxrss after each variant's first run
    for run in range(args.repeat):
        start = time.process_time()
        expected = plaintext(z_a, z_b)
        plain.append(time.process_time() - start)
        peaks.setdefault("plaintext", rss_mib())
        for name, variant in (("packed", secure_packed), ("secure", secure)):
            z, times = variant(z_a, z_b, args.parties)
            steps[name].append(times)
            if run == 0:
                errors.append(max_error(z, expected))
            del z
            peaks.setdefault(name, rss_mib())
        del expected
        print(f"    run {run + 1}: plaintext {plain[-1]:.3f} s, secure {serial(steps['secure'][-1]):.3f} s serial / "
              f"{deployed(steps['secure'][-1]):.3f} s as deployed, packed {serial(steps['packed'][-1]):.3f} s / "
              f"{deployed(steps['packed'][-1]):.3f} s", flush=True)

    def line(label, times):
        print(f"    {label:<58} best {min(times):8.3f} s   median {statistics.median(times):8.3f} s")

    median_plain = statistics.median(plain)

    def ratios(name):
        for label, measure in (("serial", serial), ("as deployed", deployed)):
            ratio = statistics.median(map(measure, steps[name])) / median_plain
            print(f"    ratio {name} {label}/plaintext (medians) {ratio:.2f} "
                  f"(goal <= {GOAL:.0f}: {'met' if ratio <= GOAL else 'NOT met'})")

    line("plaintext  Z_A + Z_B", plain)
    for name, title in (("secure", "secure     shipped path (ring matrices v2 between ops)"),
                        ("packed", "packed     same arithmetic, no encoding")):
        line(title + ", serial", [serial(t) for t in steps[name]])
        line("             as deployed (slowest party, slowest node, owner)", [deployed(t) for t in steps[name]])
        for step, label in (("split", "ss-share, one party (slowest)"), ("sum", "secure-sum, one node (slowest)"),
                            ("owner", "owner decodes, adds, reads floats")):
            line(f"               {label}", [max(t[step]) for t in steps[name]])
    ratios("secure")
    ratios("packed")
    share_bytes = len(ss_share.encode_matrix(bytes(WORD * args.rows * args.cols), args.rows, args.cols))
    print(f"    one share on the wire: {share_bytes / 2**20:.1f} MiB of JSON ({share_bytes / (args.rows * args.cols):.2f} "
          f"bytes per element)")
    print(f"    peak memory (maxrss): inputs {inputs_mib:.0f} MiB, + plaintext {peaks['plaintext']:.0f} MiB, "
          f"+ packed {peaks['packed']:.0f} MiB, + secure {peaks['secure']:.0f} MiB")
    error = max(errors)
    ok = error <= TOLERANCE
    print(f"    max |Z_secure - Z_plaintext| {error:.3g} (bound 2^-15 = {TOLERANCE:.3g}): {'ok' if ok else 'FAILED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
