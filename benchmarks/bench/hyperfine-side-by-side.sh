#!/usr/bin/env bash
# Issue 13's side-by-side: one single-threaded command at -O0 and -O2, timed by hyperfine
# (sequential: all runs of one binary, then the other; pinned to CPU 0 with taskset) and by optbench
# (interleaved rounds, the units' cgroup at the top CPU weight, --reserve-cores), each quiet and
# beside a co-runner (a busy loop pinned to CPU 0 at the default weight), in one sitting. Prints
# the machine and a Markdown table: per tool and condition the median wall of O2, each variant's
# coefficient of variation, and the O0/O2 ratio of medians.
#   OPTBENCH_BENCH_CACHE=DIR benchmarks/bench/hyperfine-side-by-side.sh [RUNS]
# The cache must hold O0 and O2 builds already (any main job with --variants O0,O2); needs root
# (cgroups, --reserve-cores) and hyperfine (apt install hyperfine).
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-20}
jar=$PWD/benchmarks/target/benchmarks.jar
cache=${OPTBENCH_BENCH_CACHE:?set OPTBENCH_BENCH_CACHE to a cache holding the O0 and O2 builds}
o0=$(ls -d "$cache"/builds/O0-*/bin/ffmpeg | head -1)
o2=$(ls -d "$cache"/builds/O2-*/bin/ffmpeg | head -1)
work=$(mktemp -d)
corunner=
cleanup() { [ -z "$corunner" ] || kill "$corunner" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
args='-nostdin -y -loglevel error -threads 1 -f lavfi -i testsrc2=size=320x240:rate=25:duration=10 -c:v mpeg4 -q:v 3 -f null -'
echo "ffmpeg $args" >"$work/w.txt"

start_corunner() { taskset -c 0 sh -c 'while :; do :; done' & corunner=$!; }
stop_corunner() { kill "$corunner"; wait "$corunner" 2>/dev/null || true; corunner=; }

hyper() { # label
  hyperfine -N --style none --warmup 1 --runs "$runs" --export-json "$work/$1.json" \
    -n O0 "taskset -c 0 $o0 $args" -n O2 "taskset -c 0 $o2 $args" >/dev/null 2>&1
  python3 - "$work/$1.json" "hyperfine, $1" <<'PY'
import json, statistics, sys
r = {x["command"]: [t * 1000 for t in x["times"]] for x in json.load(open(sys.argv[1]))["results"]}
cv = lambda v: 100 * statistics.stdev(v) / statistics.mean(v)
m0, m2 = statistics.median(r["O0"]), statistics.median(r["O2"])
print(f"| {sys.argv[2]} | {m2:.0f} | {cv(r['O2']):.1f} | {cv(r['O0']):.1f} | {m0 / m2:.3f} |")
PY
}

optbench() { # label
  (cd "$work" && OPTBENCH_CACHE=$cache java -jar "$jar" --results "$work/$1" --variants O0,O2 \
    --baseline O2 --workload "$work/w.txt" --runtime cgroup --reserve-cores -wi 1 -i "$runs" \
    >"$work/$1.log" 2>&1) || { echo "optbench $1 failed:"; tail -20 "$work/$1.log"; exit 1; }
  python3 - "$(ls -d "$work/$1"/run-*)/jmh.json" "optbench, $1" <<'PY'
import json, statistics, sys
r = {}
for b in json.load(open(sys.argv[1])):
    r[b["params"]["variant"]] = [v for row in b["secondaryMetrics"]["wall"]["rawData"] for v in row]
cv = lambda v: 100 * statistics.stdev(v) / statistics.mean(v)
m0, m2 = statistics.median(r["O0"]), statistics.median(r["O2"])
print(f"| {sys.argv[2]} | {m2:.0f} | {cv(r['O2']):.1f} | {cv(r['O0']):.1f} | {m0 / m2:.3f} |")
PY
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(date -u '+%F %H:%M UTC'), load $(cut -d' ' -f1 /proc/loadavg), $runs runs each"
echo
echo "| tool, condition | O2 median wall (ms) | CV O2 (%) | CV O0 (%) | O0/O2 |"
echo "|---|---:|---:|---:|---:|"
hyper quiet
optbench quiet
start_corunner
hyper co-runner
optbench co-runner
stop_corunner
echo
echo "load after: $(cut -d' ' -f1 /proc/loadavg)"
