#!/usr/bin/env bash
# Benchmarks clay-guard against git's own commands in the same run and prints medians and ratios.
#   scripts/bench.sh history REPO [RUNS]  clay-guard history vs git cat-file --batch-all-objects
#   scripts/bench.sh staged REPO [RUNS]   clay-guard staged vs git diff --cached -U0, for a
#                                         200-file and a 1-file change in a scratch clone of REPO
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
binary=${CLAY_GUARD:-$here/.build/release/clay-guard}
mode=${1:?usage: scripts/bench.sh history|staged REPO [RUNS]}
repo=$(cd "${2:?usage: scripts/bench.sh history|staged REPO [RUNS]}" && pwd)
runs=${3:-5}
[ -x "$binary" ] || { echo "bench: build first: scripts/setup.sh" >&2; exit 2; }

# measure NAME DIR RUNS COMMAND...: prints the median wall time and the peak memory.
measure() {
    python3 - "$@" <<'PY'
import os, resource, statistics, subprocess, sys, time
name, directory, runs, command = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]
times, peak = [], 0
for _ in range(runs):
    start = time.perf_counter()
    code = subprocess.run(command, cwd=directory, stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL).returncode
    times.append(time.perf_counter() - start)
    if code not in (0, 1):
        sys.exit(f"bench: {name} exited {code}")
    peak = max(peak, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
print(f"{statistics.median(times):.4f} {peak // 1024}")
PY
}

report() {
    local label=$1 ours=$2 theirs=$3
    read -r ours_time ours_mem <<<"$ours"
    read -r git_time git_mem <<<"$theirs"
    python3 - "$label" "$ours_time" "$git_time" "$ours_mem" "$git_mem" <<'PY'
import sys
label, ours, git = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
print(f"{label}: clay-guard {ours*1000:.1f} ms, git {git*1000:.1f} ms, ratio {ours/git:.2f} "
      f"(medians); peak resident memory clay-guard {sys.argv[4]} MiB, git {sys.argv[5]} MiB")
PY
}

case "$mode" in
history)
    git_run=$(measure git "$repo" "$runs" git cat-file --batch-all-objects --batch --unordered)
    ours=$(measure clay-guard "$repo" "$runs" "$binary" history --quiet --format json)
    report "history sweep of $(basename "$repo") ($runs runs)" "$ours" "$git_run"
    ;;
staged)
    scratch=$(mktemp -d)
    trap 'rm -rf "$scratch"' EXIT
    git clone -q --shared "$repo" "$scratch/work" 2>/dev/null
    cd "$scratch/work"
    for count in 200 1; do
        git reset -q --hard
        git ls-files | awk -v n="$count" '!/^\./ && ++seen <= n' | while IFS= read -r path; do
            [ -f "$path" ] && printf 'changed = %s\n' "$RANDOM" >>"$path"
        done
        git add -A
        git_run=$(measure git . "$runs" git diff --cached -U0)
        ours=$(measure clay-guard . "$runs" "$binary" staged --quiet)
        report "staged, $count-file change in $(basename "$repo") ($runs runs)" "$ours" "$git_run"
    done
    ;;
*)
    echo "usage: scripts/bench.sh history|staged REPO [RUNS]" >&2
    exit 64
    ;;
esac
