#!/usr/bin/env bash
# End-to-end time of the default main job (`java -jar benchmarks.jar`, no arguments): once with an
# empty build cache (source fetch, seven builds, workload generation, the JMH runs) and once warm
# (everything cached: JMH runs and report only). Prints the machine, both wall times and the
# verdict table of the warm run, which is the O0..Og comparison on the default workload.
#   benchmarks/bench/main-job.sh [--warm-only] [extra main-job options...]
set -euo pipefail
cd "$(dirname "$0")/../.."
jar=$PWD/benchmarks/target/benchmarks.jar
warm_only=false
if [ "${1:-}" = --warm-only ]; then warm_only=true; shift; fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cache=${OPTBENCH_BENCH_CACHE:-$work/cache}
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1 /proc/loadavg), $(date -u '+%F %H:%M UTC')"
run() {
  local label=$1; shift
  local t0 t1
  t0=$(date +%s)
  (cd "$work" && OPTBENCH_CACHE=$cache java -jar "$jar" "$@" >"$work/$label.log" 2>&1) || {
    echo "$label run failed:"; tail -30 "$work/$label.log"; exit 1; }
  t1=$(date +%s)
  echo "$label: $(( t1 - t0 )) s wall (load after: $(cut -d' ' -f1 /proc/loadavg))"
}
$warm_only || run cold "$@"
run warm "$@"
echo
sed -n '/^variant /,/^report:/p' "$work/warm.log"
