#!/usr/bin/env bash
# Issue 13's measurement: the warm default main job run alternately on a quiet machine and beside a
# co-runner (a busy loop pinned to the benchmark core, cpuset 0, default weight), each condition
# twice, in one sitting, so the conditions see the same machine. Prints the machine, each run's wall
# time and load, its contention line, and its verdict table (geometric-mean ratios to O2 with 95 %
# intervals, and per variant how many units were slower/faster/same/undecided).
#   OPTBENCH_BENCH_CACHE=DIR benchmarks/bench/decisive.sh [extra main-job options...]
# The cache must hold the seven builds already (run main-job.sh first, or any main job).
# OPTBENCH_BENCH_KEEP=DIR keeps the four run folders and logs there (default: removed at the end),
# e.g. to compare them again with `compare --statistic median`.
set -euo pipefail
cd "$(dirname "$0")/../.."
jar=$PWD/benchmarks/target/benchmarks.jar
cache=${OPTBENCH_BENCH_CACHE:?set OPTBENCH_BENCH_CACHE to a cache holding the builds}
keep=${OPTBENCH_BENCH_KEEP:-}
work=${keep:-$(mktemp -d)}
mkdir -p "$work"
corunner=
cleanup() { [ -z "$corunner" ] || kill "$corunner" 2>/dev/null || true; [ -n "$keep" ] || rm -rf "$work"; }
trap cleanup EXIT
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(date -u '+%F %H:%M UTC')"
run() {
  local label=$1; shift
  local t0 t1
  if [ "$label" != "${label%co-runner*}" ]; then
    taskset -c 0 sh -c 'while :; do :; done' &
    corunner=$!
  fi
  t0=$(date +%s)
  (cd "$work" && OPTBENCH_CACHE=$cache java -jar "$jar" --results "$work/$label" "$@" >"$work/$label.log" 2>&1) || {
    echo "$label run failed:"; tail -30 "$work/$label.log"; exit 1; }
  t1=$(date +%s)
  if [ -n "$corunner" ]; then kill "$corunner"; wait "$corunner" 2>/dev/null || true; corunner=; fi
  echo
  echo "== $label: $(( t1 - t0 )) s wall, load after $(cut -d' ' -f1 /proc/loadavg)"
  grep -E '^(contention|precision|Verdict|verdict|interleaved stage|unit length)' "$work/$label.log" || true
  sed -n '/^variant /,/^$/p' "$work/$label.log"
}
run quiet-1 "$@"
run co-runner-1 "$@"
run quiet-2 "$@"
run co-runner-2 "$@"
