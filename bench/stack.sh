#!/usr/bin/env bash
# Benchmark of the local stack (run on demand: ./datatoken bench stack). Measures, on a new
# throw-away instance: a cold 'up' (nothing unpacked, no state), a warm 'up' (same instance,
# state kept), and the resident memory of every component with its child processes.
# Targets on a 2-core machine (issue 2): cold <= 180 s, warm <= 60 s, RSS <= 3 GiB.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export DATATOKEN_HOME="${BENCH_HOME:-$repo/.datatoken/bench}"
export DATATOKEN_PORT_OFFSET="${BENCH_PORT_OFFSET:-200}"
launcher="$repo/datatoken"

rss_kib_of_tree() {
    local pid=$1 total child
    total=$(ps -o rss= -p "$pid" 2>/dev/null | tr -d ' ')
    total=${total:-0}
    for child in $(pgrep -P "$pid" 2>/dev/null); do
        total=$((total + $(rss_kib_of_tree "$child")))
    done
    echo "$total"
}

timed_up() {
    local start=$SECONDS
    "$launcher" up >"$DATATOKEN_HOME.up.log" 2>&1 || { tail -n 30 "$DATATOKEN_HOME.up.log"; exit 1; }
    echo $((SECONDS - start))
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

"$launcher" down >/dev/null 2>&1 || true
rm -rf "$DATATOKEN_HOME"
trap '"$launcher" down >/dev/null 2>&1 || true' EXIT

echo "bench: instance $DATATOKEN_HOME, ports +$DATATOKEN_PORT_OFFSET, $(nproc) cores"
cold=$(timed_up)
echo "cold up: ${cold} s (target 180 s, ratio $(ratio "$cold" 180))"
grep -E 'healthy after' "$DATATOKEN_HOME.up.log" | sed 's/^ */    /'
"$launcher" down >/dev/null
warm=$(timed_up)
echo "warm up: ${warm} s (target 60 s, ratio $(ratio "$warm" 60))"
grep -E 'healthy after' "$DATATOKEN_HOME.up.log" | sed 's/^ */    /'

total=0
echo "resident memory after warm up:"
for pidfile in "$DATATOKEN_HOME"/run/*.pid; do
    name=$(basename "$pidfile" .pid)
    kib=$(rss_kib_of_tree "$(cat "$pidfile")")
    total=$((total + kib))
    printf '    %-10s %6d MiB\n' "$name" $((kib / 1024))
done
echo "total RSS: $((total / 1024)) MiB (target 3072 MiB, ratio $(ratio $((total / 1024)) 3072))"
